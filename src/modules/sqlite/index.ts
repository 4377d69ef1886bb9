import { DRIZZLE_SCRIPTS, MIGRATE_AFTER_INSTALL } from '../drizzle.js';
import type { ModuleDefinition } from '../types.js';
import { sqliteDialect } from './dialect.js';

/** SQLite through Drizzle on libSQL: a file (or memory) in the process, or a remote server. */
export const sqlite: ModuleDefinition = {
  id: 'sqlite',
  description: 'Drizzle ORM on SQLite (libSQL): a local file, in memory, or a remote libSQL server',
  choice: {
    key: 'database',
    value: 'sqlite',
    label: 'SQLite',
    hint: 'Drizzle ORM on libSQL; a file in development, in memory in tests, no server needed',
  },
  templateFamilies: ['database'],
  dialect: sqliteDialect,
  dependencies: ['drizzle-orm', '@libsql/client'],
  devDependencies: ['drizzle-kit'],
  scripts: DRIZZLE_SCRIPTS,
  afterInstall: MIGRATE_AFTER_INSTALL,
  env: [
    {
      name: 'DATABASE_URL',
      description:
        'file:<path> for a SQLite file, :memory: for a throwaway one, or libsql://host for a libSQL server',
      schema: `z
    .string()
    .regex(/^(file:.|libsql:\\/\\/|:memory:$)/, "must be file:<path>, :memory: or a libsql:// URL")
    .refine(
      (url) => !url.includes("://") || URL.canParse(url),
      "must be a valid URL (percent-encode special characters in a password)",
    )
    .default("file:.data/dev.db")`,
      production: {
        pattern: '^(file:|libsql:\\/\\/)',
        problem: 'must be a file: or libsql:// URL in production',
      },
      example: 'file:.data/dev.db',
    },
    {
      name: 'DATABASE_AUTH_TOKEN',
      description:
        'Auth token of the libSQL server a libsql:// DATABASE_URL names; empty for a file',
      schema: 'z.string().optional()',
      example: '',
    },
  ],
};
