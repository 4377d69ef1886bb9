import { DRIZZLE_SCRIPTS, MIGRATE_AFTER_INSTALL } from '../drizzle.js';
import type { ModuleDefinition } from '../types.js';
import { postgresDialect } from './dialect.js';

/** PostgreSQL through Drizzle: node-postgres for a server, PGlite when there is none. */
export const postgres: ModuleDefinition = {
  id: 'postgres',
  description: 'Drizzle ORM on PostgreSQL (node-postgres) or embedded PGlite, SQL migrations',
  choice: {
    key: 'database',
    value: 'postgres',
    label: 'PostgreSQL',
    hint: 'Drizzle ORM; embedded PGlite in development and tests, no server needed',
  },
  templateFamilies: ['database'],
  dialect: postgresDialect,
  dependencies: ['drizzle-orm', 'pg', '@electric-sql/pglite'],
  devDependencies: ['drizzle-kit', '@types/pg'],
  scripts: DRIZZLE_SCRIPTS,
  afterInstall: MIGRATE_AFTER_INSTALL,
  env: [
    {
      name: 'DATABASE_URL',
      description:
        'postgres://user:password@host:5432/db, or pglite:<dir> / memory: for embedded PGlite',
      schema: `z
    .string()
    .regex(
      /^(postgres(ql)?:\\/\\/|pglite:.|memory:$)/,
      "must be a postgres:// or postgresql:// URL, pglite:<dir> or memory:",
    )
    .refine(
      (url) => !url.includes("://") || URL.canParse(url),
      "must be a valid URL (percent-encode special characters in a password)",
    )
    .default("pglite:.data/dev")`,
      production: {
        pattern: '^postgres(ql)?:\\/\\/',
        problem: 'must be a postgres:// URL in production',
      },
      example: 'pglite:.data/dev',
    },
    {
      name: 'POSTGRES_PASSWORD',
      description: 'Password of the PostgreSQL server docker compose starts',
      secretBytes: 24,
      when: (choices) => choices.deploy === 'docker',
    },
  ],
};
