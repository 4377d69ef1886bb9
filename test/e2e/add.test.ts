import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeContract } from './support/contract.js';
import { request } from './support/http.js';
import {
  childEnv,
  generateProject,
  runScript,
  type Server,
  startServer,
} from './support/project.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/create-backend.js');

async function add(dir: string, ...args: string[]) {
  return execa('node', [BIN, 'add', ...args], {
    cwd: dir,
    env: childEnv({ CI: 'true' }),
    stdin: 'ignore',
  });
}

/**
 * A project created bare, edited by its user, then grown with `add database postgres` and
 * `add auth jwt` must keep the user's edit and serve the same contract as one created with
 * postgres + jwt.
 */
describe('create bare, edit, then add database and auth', () => {
  let dir: string;
  let server: Server | undefined;

  beforeAll(async () => {
    dir = await generateProject('grown-app', {
      framework: 'express',
      database: 'none',
      auth: 'none',
      deploy: 'none',
      ci: 'none',
    });
    const app = path.join(dir, 'src/app.ts');
    const source = await readFile(app, 'utf8');
    await writeFile(
      app,
      source.replace(
        '  const api = express.Router();\n',
        '  const api = express.Router();\n  api.get("/hello", (_req, res) => {\n    res.json({ hello: "mine" });\n  });\n',
      ),
    );
  });

  afterAll(async () => {
    await server?.stop('SIGKILL');
  });

  it('adds both modules, keeping the edit', async () => {
    await add(dir, 'database', 'postgres');
    const again = await add(dir, 'database', 'postgres');
    expect(again.stdout).toContain('already has database postgres');
    await add(dir, 'auth', 'jwt');
    expect(await readFile(path.join(dir, 'src/app.ts'), 'utf8')).toContain('hello: "mine"');
  });

  it('passes its own lint, typecheck, tests and build', async () => {
    await runScript(dir, 'lint');
    await runScript(dir, 'typecheck');
    await runScript(dir, 'test');
    await runScript(dir, 'build');
  });

  it('starts and serves the user’s route', async () => {
    server = await startServer(dir, {
      CORS_ORIGINS: 'https://app.example.com',
      AUTH_RATE_LIMIT_MAX: '40',
      LOG_LEVEL: 'warn',
    });
    const hello = await request(server.url, 'GET', '/api/v1/hello');
    expect(hello.body).toEqual({ hello: 'mine' });
  });

  describeContract(
    () => {
      if (!server) throw new Error('the server did not start');
      return server.url;
    },
    { database: true, auth: true },
  );
});
