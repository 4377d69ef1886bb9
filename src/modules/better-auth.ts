import {
  type ColumnSpec,
  idColumn,
  type MigrationStep,
  type TableSpec,
  timestampColumns,
} from '../migrations/schema.js';
import { ownResourceTable } from '../resources/table.js';
import type { EnvVar, ModuleDefinition } from './types.js';

const userId = (table: string): ColumnSpec => ({
  name: 'user_id',
  type: 'uuid',
  notNull: true,
  references: { table, column: 'id', onDelete: 'cascade' },
});

/**
 * Better Auth's models as our tables (`users.table.ts` and `auth.table.ts` of each database):
 * snake_case columns under Better Auth's field names, UUID keys, and the `users` table jwt has
 * (id, email, role, timestamps), so resources' owners and `/users/me` work with either auth.
 */
const TABLES: readonly TableSpec[] = [
  {
    name: 'users',
    columns: [
      idColumn(),
      { name: 'name', type: 'text', notNull: true },
      {
        name: 'email',
        type: 'text',
        maxLength: 254,
        notNull: true,
        unique: 'users_email_unique',
      },
      { name: 'email_verified', type: 'boolean', notNull: true, default: { value: false } },
      { name: 'image', type: 'text' },
      {
        name: 'role',
        type: 'enum',
        notNull: true,
        default: { value: 'user' },
        enum: { name: 'user_role', values: ['user', 'admin'] },
      },
      { name: 'two_factor_enabled', type: 'boolean', notNull: true, default: { value: false } },
      ...timestampColumns(),
    ],
    indexes: [{ name: 'users_created_at_id_idx', columns: ['created_at', 'id'] }],
  },
  {
    name: 'sessions',
    columns: [
      idColumn(),
      userId('users'),
      {
        name: 'token',
        type: 'text',
        maxLength: 255,
        notNull: true,
        unique: 'sessions_token_unique',
      },
      { name: 'expires_at', type: 'timestamp', notNull: true },
      { name: 'ip_address', type: 'text' },
      { name: 'user_agent', type: 'text' },
      ...timestampColumns(),
    ],
    indexes: [{ name: 'sessions_user_id_idx', columns: ['user_id'] }],
  },
  {
    name: 'accounts',
    columns: [
      idColumn(),
      userId('users'),
      // Indexed below: MySQL indexes a VARCHAR, not a TEXT (an OpenID Connect `sub` is at most 255).
      { name: 'account_id', type: 'text', maxLength: 255, notNull: true },
      { name: 'provider_id', type: 'text', maxLength: 255, notNull: true },
      { name: 'access_token', type: 'text' },
      { name: 'refresh_token', type: 'text' },
      { name: 'id_token', type: 'text' },
      { name: 'access_token_expires_at', type: 'timestamp' },
      { name: 'refresh_token_expires_at', type: 'timestamp' },
      { name: 'scope', type: 'text' },
      { name: 'password', type: 'text' },
      ...timestampColumns(),
    ],
    indexes: [
      { name: 'accounts_user_id_idx', columns: ['user_id'] },
      // An OAuth sign-in looks its account up by provider and the provider's id for the user.
      { name: 'accounts_provider_id_account_id_idx', columns: ['provider_id', 'account_id'] },
    ],
  },
  {
    name: 'verifications',
    columns: [
      idColumn(),
      { name: 'identifier', type: 'text', maxLength: 255, notNull: true },
      { name: 'value', type: 'text', notNull: true },
      { name: 'expires_at', type: 'timestamp', notNull: true },
      ...timestampColumns(),
    ],
    indexes: [{ name: 'verifications_identifier_idx', columns: ['identifier'] }],
  },
  {
    name: 'two_factors',
    columns: [
      idColumn(),
      userId('users'),
      { name: 'secret', type: 'text', notNull: true },
      { name: 'backup_codes', type: 'text', notNull: true },
      { name: 'verified', type: 'boolean', notNull: true, default: { value: true } },
      {
        name: 'failed_verification_count',
        type: 'integer',
        notNull: true,
        default: { value: 0 },
      },
      { name: 'locked_until', type: 'timestamp' },
    ],
    indexes: [{ name: 'two_factors_user_id_idx', columns: ['user_id'] }],
  },
];

const optional = (name: string, description: string): EnvVar => ({
  name,
  description,
  schema: 'z.string().optional()',
  example: '',
});

const ENV: readonly EnvVar[] = [
  {
    name: 'AUTH_RATE_LIMIT_MAX',
    description: 'Requests per client per window on /api/v1/auth/*',
    schema: 'integer(1).default(20)',
    example: '20',
  },
  {
    name: 'CORS_ORIGINS',
    description:
      'Comma-separated origins allowed to call the API from a browser with the session cookie',
    // Browsers refuse a credentialed answer allowing any origin (`*`): say so at startup.
    schema: `list.refine(
    (origins) => !origins.includes("*"),
    "cannot be * with cookie sessions: list the origins",
  )`,
    example: '',
  },
  {
    name: 'BETTER_AUTH_SECRET',
    description:
      'Key that signs session cookies and encrypts 2FA secrets, 32+ characters; required in production',
    schema: 'z.string().min(32, "must be at least 32 characters")',
    secretBytes: 32,
  },
  {
    name: 'BETTER_AUTH_URL',
    description:
      'The public URL of this API, which OAuth callbacks and email links point to; required in production',
    schema: `z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
    .default("http://localhost:3000")`,
    example: 'http://localhost:3000',
    production: { pattern: '^https?:\\/\\/', problem: 'must be set to the public URL of the API' },
  },
  optional(
    'GITHUB_CLIENT_ID',
    'GitHub OAuth app client id; sign-in with GitHub is on when both are set',
  ),
  optional('GITHUB_CLIENT_SECRET', 'GitHub OAuth app client secret'),
  optional(
    'GOOGLE_CLIENT_ID',
    'Google OAuth client id; sign-in with Google is on when both are set',
  ),
  optional('GOOGLE_CLIENT_SECRET', 'Google OAuth client secret'),
  {
    name: 'OIDC_ISSUER',
    description:
      'Issuer URL of an OpenID Connect provider (its discovery document is read from it); sign-in with it is on when the client id is set too',
    schema: `z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
    .optional()`,
    example: '',
  },
  optional('OIDC_CLIENT_ID', 'Client id registered with the OpenID Connect provider'),
  optional('OIDC_CLIENT_SECRET', 'Client secret registered with the OpenID Connect provider'),
  {
    name: 'SMTP_URL',
    description:
      'smtp[s]://user:password@host:port to send email through; empty logs messages instead (outside production)',
    schema: `z
    .string()
    .regex(/^smtps?:\\/\\//, "must start with smtp:// or smtps://")
    .optional()`,
    example: '',
  },
  {
    name: 'MAIL_FROM',
    description: 'Sender of verification and password reset emails',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the generated code's template literal
    schema: 'z.string().default(`${appInfo.name} <no-reply@localhost>`)',
    imports: { './app-info.js': ['appInfo'] },
    example: (name) => `${name} <no-reply@localhost>`,
  },
];

/**
 * Better Auth: email + password, cookie sessions, OAuth / OpenID Connect sign-in, TOTP
 * two-factor, email verification and password reset, on the project's database.
 */
export const betterAuth: ModuleDefinition = {
  id: 'better-auth',
  choice: {
    key: 'auth',
    value: 'better-auth',
    label: 'Better Auth',
    hint: 'cookie sessions, OAuth/OIDC sign-in, 2FA, email verification and reset',
  },
  requires: ['database'],
  // Users, roles and `npm run user:role`, as jwt has them too.
  templateFamilies: ['accounts'],
  description:
    'Better Auth: sessions, email + password (argon2id), GitHub/Google/OIDC sign-in, TOTP 2FA, email flows, roles',
  dependencies: ['better-auth', '@node-rs/argon2', 'nodemailer'],
  devDependencies: [
    '@types/nodemailer',
    'oidc-provider',
    '@types/oidc-provider',
    'smtp-server',
    '@types/smtp-server',
    'otpauth',
  ],
  scripts: { 'user:role': 'tsx src/db/set-role.ts' },
  // The account tables; resources the project already has get an owner.
  migration: ({ resources }): MigrationStep => ({
    name: 'auth',
    changes: [
      ...TABLES.map((table) => ({ kind: 'createTable' as const, table, by: 'auth' })),
      ...resources.flatMap(ownResourceTable),
    ],
  }),
  env: ENV,
};
