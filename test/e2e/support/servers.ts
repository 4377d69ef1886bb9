/**
 * The servers some end-to-end tests need, named by environment variables (.ci/run starts both
 * and sets them). Without one, the tests that need it are skipped, and the run says so once.
 */
const SERVERS = [
  {
    variable: 'E2E_POSTGRES_URL',
    needs: 'PostgreSQL',
    example: 'postgres://e2e:e2e@127.0.0.1:5432/e2e (a superuser)',
  },
  { variable: 'E2E_REDIS_URL', needs: 'Redis', example: 'redis://127.0.0.1:6379' },
  {
    variable: 'E2E_MYSQL_URL',
    needs: 'MySQL or MariaDB',
    example: 'mysql://e2e:e2e@127.0.0.1:3306 (may create databases)',
  },
] as const;

/** The PostgreSQL superuser URL the node-postgres path is tested against, if any. */
export const e2ePostgresUrl: string | undefined = process.env.E2E_POSTGRES_URL || undefined;

/** The Redis server projects made with `--cache redis` are tested against, if any. */
export const e2eRedisUrl: string | undefined = process.env.E2E_REDIS_URL || undefined;

/** One line for each server that is not set: what is skipped and what to set. */
export function missingServerNotes(env: NodeJS.ProcessEnv = process.env): string[] {
  return SERVERS.filter(({ variable }) => !env[variable]).map(
    ({ variable, needs, example }) =>
      `${variable} is not set: skipping the end-to-end tests that need ${needs}. Set it to e.g. ${example}, or run bash .ci/run.`,
  );
}

/** The MySQL/MariaDB server projects made with `--database mysql` are tested against, if any. */
export const e2eMysqlUrl: string | undefined = process.env.E2E_MYSQL_URL || undefined;
