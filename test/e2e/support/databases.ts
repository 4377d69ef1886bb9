import { randomBytes } from 'node:crypto';
import { e2eMysqlUrl } from './servers.js';

/** How the end-to-end suite gives a generated project of one database its database. */
export interface DatabaseUnderTest {
  /**
   * Variables for the project's tests and servers, or undefined when the server it needs is
   * not set (the suite then skips the combination; servers.ts says so once).
   */
  env(project: string): Promise<Record<string, string>> | undefined;
  /** A DATABASE_URL for extra servers beside the main one (each its own, or a shared server). */
  scratchUrl(project: string): string | undefined;
}

const none: DatabaseUnderTest = { env: async () => ({}), scratchUrl: () => undefined };

/** By `--database` value. */
export const DATABASES: Record<string, DatabaseUnderTest> = {
  none,
  // PGlite in the directory .env names; extra servers get an in-memory one each.
  postgres: { env: async () => ({}), scratchUrl: () => 'memory:' },
  // The file .env names; extra servers get an in-memory one each.
  sqlite: { env: async () => ({}), scratchUrl: () => ':memory:' },
  // A database of its own on the E2E_MYSQL_URL server (created by the project's migrations).
  mysql: {
    env: (project) => {
      const url = mysqlUrl(project);
      return url ? Promise.resolve({ DATABASE_URL: url }) : undefined;
    },
    scratchUrl: mysqlUrl,
  },
};

// A run's databases are its own, so an earlier run's leftovers on the server never meet them.
const RUN = randomBytes(3).toString('hex');

function mysqlUrl(project: string): string | undefined {
  if (!e2eMysqlUrl) return undefined;
  const url = new URL(e2eMysqlUrl);
  const name = project
    .replaceAll(/[^a-z0-9]/gi, '_')
    .toLowerCase()
    .slice(0, 48);
  url.pathname = `/e2e_${RUN}_${name}`;
  return url.toString();
}

/** The database of a combination. */
export function databaseUnderTest(database: string): DatabaseUnderTest {
  const found = DATABASES[database];
  if (!found) throw new Error(`no end-to-end setup for --database ${database}`);
  return found;
}
