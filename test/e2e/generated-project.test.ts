import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validCombinations } from '../../src/commands/list.js';
import { type Combination, selectedMatrix } from './matrix.js';
import { describeContract } from './support/contract.js';
import {
  generateProject,
  runScript,
  runServerToExit,
  type Server,
  startServer,
} from './support/project.js';

const matrix: Combination[] = selectedMatrix(validCombinations());

/** Settings for the contract run: a known CORS origin, budgets the suite fits in. */
const CONTRACT_ENV = {
  CORS_ORIGINS: 'https://app.example.com',
  RATE_LIMIT_MAX: '300',
  AUTH_RATE_LIMIT_MAX: '40',
  LOG_LEVEL: 'warn',
};

describe.each(matrix)('generated $name', ({ choices, features }) => {
  let dir: string;

  beforeAll(async () => {
    dir = await generateProject(
      `app-${choices.framework}-${choices.database}-${choices.auth}`,
      choices,
    );
  });

  it('passes its own lint, typecheck, tests and build', async () => {
    await runScript(dir, 'lint');
    await runScript(dir, 'typecheck');
    await runScript(dir, 'test');
    await runScript(dir, 'build');
    expect(await readdir(path.join(dir, 'dist'))).toContain('server.js');
  });

  if (features.database) {
    it('has migrations in sync with the schema (db:generate finds nothing to do)', async () => {
      const before = await readdir(path.join(dir, 'drizzle'));
      const output = await runScript(dir, 'db:generate');
      expect(output).toMatch(/No schema changes/i);
      expect(await readdir(path.join(dir, 'drizzle'))).toEqual(before);
    });
  }

  describe('served with the .env written at creation', () => {
    let server: Server;
    beforeAll(async () => {
      server = await startServer(dir, CONTRACT_ENV);
    });
    afterAll(async () => {
      await server?.stop('SIGKILL');
    });

    describeContract(() => server, features);
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const server = await startServer(dir, {});
    // Caught at once: a connection reset while stopping must not surface as an unhandled rejection.
    const inflight = fetch(`${server.url}/health`).catch(() => undefined);
    const code = await server.stop('SIGTERM');
    expect(code).toBe(0);
    expect((await inflight)?.status ?? 200).toBe(200);
  });

  it('refuses to start on invalid configuration, naming each variable but no value', async () => {
    const secretLooking = 'short-secret-value';
    const result = await runServerToExit(dir, {
      NODE_ENV: 'production',
      PORT: 'not-a-port',
      ...(features.auth ? { JWT_SECRET: secretLooking } : {}),
      ...(features.database ? { DATABASE_URL: 'pglite:.data/prod' } : {}),
    });
    expect(result.exitCode).toBe(1);
    const output = String(result.all);
    expect(output).toMatch(/PORT/);
    if (features.auth) expect(output).toMatch(/JWT_SECRET/);
    if (features.database) expect(output).toMatch(/DATABASE_URL/);
    expect(output).not.toContain(secretLooking);
    expect(output).not.toMatch(/\bat .+:\d+:\d+/);
  });
});
