import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { combination } from './matrix.js';
import { describeContract } from './support/contract.js';
import { generateProject, runScript, type Server, startServer } from './support/project.js';
import { e2ePostgresUrl as POSTGRES_URL } from './support/servers.js';

const full = combination({
  framework: 'express',
  database: 'postgres',
  auth: 'jwt',
  cache: 'none',
  deploy: 'docker',
  ci: 'github',
  observability: 'none',
});

/**
 * The pooled node-postgres path and the migrations on the real engine, not only on PGlite:
 * the generated tests, `db:migrate` and a production-mode server against a PostgreSQL server.
 * .ci/run installs and starts one and sets E2E_POSTGRES_URL (a superuser URL, so the generated
 * tests can create their throwaway databases).
 */
describe.skipIf(!POSTGRES_URL)(`generated ${full.name} on a real PostgreSQL server`, () => {
  let dir: string;
  let server: Server | undefined;

  beforeAll(async () => {
    dir = await generateProject('app-on-postgres', full.choices);
  });

  afterAll(async () => {
    await server?.stop('SIGKILL');
  });

  it('passes its own test suite against PostgreSQL', async () => {
    await runScript(dir, 'test', { DATABASE_URL: String(POSTGRES_URL) });
  });

  it('migrates the database and serves the contract in production mode', async () => {
    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: String(POSTGRES_URL),
      JWT_SECRET: 'e2e-secret-that-is-long-enough-for-production-use',
      CORS_ORIGINS: 'https://app.example.com',
      AUTH_RATE_LIMIT_MAX: '40',
      LOG_LEVEL: 'info',
    };
    await runScript(dir, 'build');
    const migrated = await runScript(dir, 'db:migrate', env);
    expect(migrated).not.toMatch(/error/i);
    server = await startServer(dir, env);
  });

  describeContract(() => {
    if (!server) throw new Error('the server did not start');
    return server;
  }, full.features);
});
