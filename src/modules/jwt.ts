import {
  idColumn,
  type MigrationStep,
  type TableSpec,
  timestampColumns,
} from '../migrations/schema.js';
import { ownResourceTable } from '../resources/table.js';
import type { ModuleDefinition } from './types.js';

/** The account tables, as `users.table.ts` and `refresh-tokens.table.ts` declare them. */
const TABLES: readonly TableSpec[] = [
  {
    name: 'users',
    columns: [
      idColumn(),
      {
        name: 'email',
        type: 'text',
        maxLength: 254,
        notNull: true,
        unique: 'users_email_unique',
      },
      { name: 'password_hash', type: 'text', maxLength: 255, notNull: true },
      {
        name: 'role',
        type: 'enum',
        notNull: true,
        default: { value: 'user' },
        enum: { name: 'user_role', values: ['user', 'admin'] },
      },
      ...timestampColumns(),
    ],
    indexes: [{ name: 'users_created_at_id_idx', columns: ['created_at', 'id'] }],
  },
  {
    name: 'refresh_tokens',
    columns: [
      idColumn(),
      {
        name: 'user_id',
        type: 'uuid',
        notNull: true,
        references: { table: 'users', column: 'id', onDelete: 'cascade' },
      },
      { name: 'family_id', type: 'uuid', notNull: true },
      {
        name: 'token_hash',
        type: 'text',
        maxLength: 64,
        notNull: true,
        unique: 'refresh_tokens_token_hash_unique',
      },
      { name: 'expires_at', type: 'timestamp', notNull: true },
      { name: 'revoked_at', type: 'timestamp' },
      { name: 'created_at', type: 'timestamp', notNull: true, default: 'now' },
    ],
    indexes: [
      { name: 'refresh_tokens_family_id_idx', columns: ['family_id'] },
      { name: 'refresh_tokens_user_id_idx', columns: ['user_id'] },
    ],
  },
];

/** Email + password accounts, JWT access tokens and rotating refresh tokens. */
export const jwt: ModuleDefinition = {
  id: 'jwt',
  choice: {
    key: 'auth',
    value: 'jwt',
    label: 'JWT',
    hint: 'email + password, argon2id, rotating refresh tokens',
  },
  requires: ['database'],
  // Users, roles and `npm run user:role`, as better-auth has them too.
  templateFamilies: ['accounts'],
  description: 'register/login, argon2id, JWT access tokens, rotating refresh tokens, roles',
  dependencies: ['@node-rs/argon2', 'jose'],
  scripts: { 'user:role': 'tsx src/db/set-role.ts' },
  // The account tables; resources the project already has get an owner.
  migration: ({ resources }): MigrationStep => ({
    name: 'auth',
    changes: [
      ...TABLES.map((table) => ({ kind: 'createTable' as const, table, by: 'auth' })),
      ...resources.flatMap(ownResourceTable),
    ],
  }),
  env: [
    {
      name: 'AUTH_RATE_LIMIT_MAX',
      description: 'Requests per client per window on /api/v1/auth/*',
      schema: 'integer(1).default(20)',
      example: '20',
    },
    {
      name: 'JWT_SECRET',
      description: 'HMAC key for access tokens, 32+ characters; required in production',
      schema: 'z.string().min(32, "must be at least 32 characters")',
      secretBytes: 48,
    },
    {
      name: 'JWT_ISSUER',
      description: 'iss claim of access tokens',
      schema: 'z.string().default(appInfo.name)',
      imports: { './app-info.js': ['appInfo'] },
      example: (name) => name,
    },
    {
      name: 'JWT_AUDIENCE',
      description: 'aud claim of access tokens',
      schema: 'z.string().default(appInfo.name)',
      imports: { './app-info.js': ['appInfo'] },
      example: (name) => name,
    },
    {
      name: 'ACCESS_TOKEN_TTL',
      description: 'Access token lifetime: a number followed by s, m, h or d',
      schema: 'duration.prefault("15m")',
      imports: { './duration.js': ['duration'] },
      example: '15m',
    },
    {
      name: 'REFRESH_TOKEN_TTL',
      description: 'Refresh token lifetime',
      schema: 'duration.prefault("30d")',
      imports: { './duration.js': ['duration'] },
      example: '30d',
    },
  ],
};
