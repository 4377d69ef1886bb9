import { DRIZZLE_SCRIPTS } from '../drizzle.js';
import type { ModuleDefinition } from '../types.js';
import { mysqlDialect } from './dialect.js';
import { checkServerBeforeTests } from './vitest-config.js';

const DEVELOPMENT_URL = 'mysql://app:app@127.0.0.1:3306/app';

/** MySQL 8 or MariaDB 10.11+ through Drizzle on a mysql2 pool; it needs a server, even in tests. */
export const mysql: ModuleDefinition = {
  id: 'mysql',
  description: 'Drizzle ORM on MySQL 8 or MariaDB 10.11+ (mysql2 pool), SQL migrations',
  choice: {
    key: 'database',
    value: 'mysql',
    label: 'MySQL',
    hint: 'Drizzle ORM on MySQL 8 or MariaDB; needs a server (docker compose runs one)',
  },
  templateFamilies: ['database'],
  dialect: mysqlDialect,
  dependencies: ['drizzle-orm', 'mysql2'],
  devDependencies: ['drizzle-kit'],
  scripts: DRIZZLE_SCRIPTS,
  // No afterInstall: the server is not running yet; `dev` migrates once it is.
  nextSteps: (choices) =>
    choices.deploy === 'docker'
      ? ['docker compose up -d db']
      : [
          '# Point DATABASE_URL in .env at a MySQL 8 or MariaDB 10.11+ server (mysql://user:password@host:3306/db)',
        ],
  env: [
    {
      name: 'DATABASE_URL',
      description: 'mysql://user:password@host:3306/database of a MySQL 8 or MariaDB 10.11+ server',
      schema: `z
    .string()
    .regex(/^mysql:\\/\\//, "must start with mysql://")
    .refine(
      (url) => URL.canParse(url),
      "must be a valid URL (percent-encode special characters in a password)",
    )
    .default(${JSON.stringify(DEVELOPMENT_URL)})`,
      production: {
        pattern: '^mysql:\\/\\/',
        problem: 'must be set to a mysql:// URL in production',
      },
      example: DEVELOPMENT_URL,
    },
    {
      name: 'MYSQL_PASSWORD',
      description:
        'Password of the app user on the MySQL server docker compose starts (DATABASE_URL has it too)',
      example: 'app',
      when: (choices) => choices.deploy === 'docker',
    },
  ],
  edits: [checkServerBeforeTests],
};
