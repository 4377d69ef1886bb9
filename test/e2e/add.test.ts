import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareChoices } from '../support/choices.js';
import { describeContract } from './support/contract.js';
import { databaseUnderTest } from './support/databases.js';
import { expectProblem, request } from './support/http.js';
import {
  addToProject,
  childEnv,
  generateProject,
  runScript,
  type Server,
  startServer,
} from './support/project.js';
import { e2eRedisUrl } from './support/servers.js';

/** Where each framework's app takes a route of the user's own, and that route. */
const USER_ROUTES: Record<string, [string, string]> = {
  express: [
    '  app.use("/api/v1", apiIndexRouter(',
    '  app.get("/api/v1/hello", (_req, res) => {\n    res.json({ hello: "mine" });\n  });\n',
  ],
  fastify: [
    '      await api.register(apiIndexRoutes);',
    // Fastify documents every route it has: the user keeps this one out of the API reference.
    '      api.get("/hello", { schema: { hide: true } }, async () => ({ hello: "mine" }));\n',
  ],
  hono: [
    '  app.route("/api/v1", apiIndexRoutes',
    '  app.get("/api/v1/hello", (c) => c.json({ hello: "mine" }));\n',
  ],
};

const add = (dir: string, ...args: string[]) => addToProject(dir, args);

const INVOICE_FIELDS =
  'title:string,amount:number,paid:boolean,dueAt:date,status:enum(draft|sent|paid),note:text?';

/**
 * A project created bare, edited by its user, then grown with `add database <db>`,
 * `add resource`, `add auth <jwt or better-auth>`, another `add resource`, `add observability`
 * and `add redis` must keep the user's edit, pass its own tests (those of its rate limits in
 * Redis included), serve the same contract as one created with the database + jwt, and serve
 * its new resources (owned by their user, the first one through the migration that gave it an
 * owner). Each database on another
 * framework; the first installs at its last two steps (`add` installing what it brings) and
 * gets Redis and the whole contract, the others (whose contract the generated-project suite
 * proves) install once at the end.
 */
const GROWN = [
  { framework: 'express', database: 'postgres', auth: 'jwt', full: true },
  { framework: 'fastify', database: 'sqlite', auth: 'better-auth', full: false },
  { framework: 'hono', database: 'mysql', auth: 'jwt', full: false },
].filter(
  ({ framework, database }) =>
    (!process.env.E2E_FRAMEWORK || process.env.E2E_FRAMEWORK === framework) &&
    (!process.env.E2E_DATABASE || process.env.E2E_DATABASE === database) &&
    databaseUnderTest(database).env(`grown-${database}`) !== undefined,
);

describe.each(GROWN)(
  'create a bare $framework project, edit, then add database $database, a resource, auth $auth and another resource',
  ({ framework, database, auth, full }) => {
    let dir: string;
    let server: Server | undefined;
    let databaseEnv: Record<string, string> = {};

    beforeAll(async () => {
      databaseEnv = (await databaseUnderTest(database).env(`grown-${database}`)) ?? {};
      dir = await generateProject(`grown-${database}`, bareChoices(framework));
      const app = path.join(dir, 'src/app.ts');
      const source = await readFile(app, 'utf8');
      const [anchor, route] = USER_ROUTES[framework] as [string, string];
      if (!source.includes(anchor))
        throw new Error(`no place for the user's route in ${framework}`);
      await writeFile(app, source.replace(anchor, `${route}${anchor}`));
    });

    afterAll(async () => {
      await server?.stop('SIGKILL');
    });

    it('adds the modules and resources, keeping the edit', async () => {
      // `add` installs what a module brings (the full project's last two steps prove it); the
      // other steps leave it to the next install.
      await add(dir, 'database', database, '--no-install');
      const again = await add(dir, 'database', database);
      expect(again.stdout).toContain(`already has database ${database}`);
      await add(dir, 'resource', 'invoice', '--fields', INVOICE_FIELDS);
      await add(dir, 'auth', auth, '--no-install');
      await add(
        dir,
        'resource',
        'line-item',
        '--fields',
        'label:string,quantity:integer,shippedAt:date?',
      );
      const twice = await add(dir, 'resource', 'invoice', '--fields', INVOICE_FIELDS);
      expect(twice.stdout).toContain('already has resource invoice');
      await add(dir, 'observability', 'otel', ...(full ? [] : ['--no-install']));
      if (full) await add(dir, 'redis');
      else await execa('npm', ['install'], { cwd: dir, env: childEnv() });
      expect(await readFile(path.join(dir, 'src/app.ts'), 'utf8')).toContain('hello: "mine"');
    });

    let testOutput = '';

    it('passes its own lint, typecheck, tests and build', async () => {
      await runScript(dir, 'lint');
      await runScript(dir, 'typecheck');
      const env: Record<string, string> = {
        ...databaseEnv,
        ...(e2eRedisUrl ? { REDIS_URL: e2eRedisUrl } : {}),
      };
      testOutput = stripVTControlCharacters(await runScript(dir, 'test', env));
      await runScript(dir, 'build');
    });

    // Only the project that gets Redis has tests of the shared limits.
    if (full) {
      it.skipIf(!e2eRedisUrl)('ran its tests of the shared limits against Redis', () => {
        // With REDIS_URL set, the tests of the shared limits run rather than skip (a skipped one
        // would show as `(2 tests | 1 skipped)`).
        expect(testOutput).toMatch(/shared-rate-limit\.test\.ts \(2 tests\)/);
      });
    }

    it('has migrations in sync with the schema (db:generate finds nothing to do)', async () => {
      expect(await runScript(dir, 'db:generate')).toMatch(/No schema changes/i);
    });

    it('starts and serves the user’s route', async () => {
      if (database === 'mysql') await runScript(dir, 'db:migrate', databaseEnv);
      server = await startServer(dir, {
        ...databaseEnv,
        CORS_ORIGINS: 'https://app.example.com',
        AUTH_RATE_LIMIT_MAX: '40',
        LOG_LEVEL: 'info',
      });
      const hello = await request(server.url, 'GET', '/api/v1/hello');
      expect(hello.body).toEqual({ hello: 'mine' });
    });

    it('serves the added resources to their owners, with their OpenAPI entries', async () => {
      if (!server) throw new Error('the server did not start');
      const { url } = server;
      // A bearer token with jwt; with better-auth, the session cookie and the page's origin.
      const signUp = async (): Promise<{ token?: string; headers?: Record<string, string> }> => {
        const email = `${Math.random().toString(36).slice(2)}@example.com`;
        const password = 'correct horse battery';
        if (auth === 'better-auth') {
          const origin = 'https://app.example.com';
          const reply = await request(url, 'POST', '/api/v1/auth/sign-up/email', {
            body: { name: 'Owner', email, password },
            headers: { origin },
          });
          expect(reply.status, reply.text).toBe(200);
          const cookie = reply.headers
            .getSetCookie()
            .map((setCookie) => setCookie.split(';')[0])
            .join('; ');
          return { headers: { cookie, origin } };
        }
        const reply = await request(url, 'POST', '/api/v1/auth/register', {
          body: { email, password },
        });
        expect(reply.status, reply.text).toBe(201);
        return { token: reply.body.accessToken as string };
      };
      const owner = await signUp();
      const invoice = {
        title: 'March',
        amount: 120.5,
        dueAt: '2030-03-31T00:00:00.000Z',
        status: 'draft',
      };

      const created = await request(url, 'POST', '/api/v1/invoices', { body: invoice, ...owner });
      expect(created.status, created.text).toBe(201);
      expect(created.body).toMatchObject({ ...invoice, paid: false, note: null });
      expect(created.headers.get('location')).toBe(`/api/v1/invoices/${created.body.id}`);
      const item = `/api/v1/invoices/${created.body.id}`;

      const paid = await request(url, 'PATCH', item, {
        body: { paid: true, status: 'paid' },
        ...owner,
      });
      expect(paid.body).toMatchObject({ paid: true, status: 'paid', title: 'March' });
      const list = await request(url, 'GET', '/api/v1/invoices?limit=1', owner);
      expect(list.body).toMatchObject({ data: [{ id: created.body.id }], nextCursor: null });

      const invalid = await request(url, 'POST', '/api/v1/invoices', {
        body: { ...invoice, status: 'lost', dueAt: 'soon' },
        ...owner,
      });
      expectProblem(invalid, 400, 'VALIDATION_FAILED');
      expect(invalid.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
        'dueAt',
        'status',
      ]);
      expectProblem(await request(url, 'GET', item), 401);
      expectProblem(await request(url, 'GET', item, await signUp()), 404);
      expect((await request(url, 'DELETE', item, owner)).status).toBe(204);
      expectProblem(await request(url, 'GET', item, owner), 404);

      const line = await request(url, 'POST', '/api/v1/line-items', {
        body: { label: 'Widget', quantity: 3 },
        ...owner,
      });
      expect(line.status, line.text).toBe(201);
      expect(line.body).toMatchObject({ label: 'Widget', quantity: 3, shippedAt: null });
      const fractional = await request(url, 'POST', '/api/v1/line-items', {
        body: { label: 'Widget', quantity: 1.5 },
        ...owner,
      });
      expectProblem(fractional, 400);

      const openapi = await request(url, 'GET', '/openapi.json');
      expect(Object.keys(openapi.body.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/invoices',
          '/api/v1/invoices/{id}',
          '/api/v1/line-items/{id}',
        ]),
      );
    });

    if (full) {
      describeContract(
        () => {
          if (!server) throw new Error('the server did not start');
          return server;
        },
        { database: true, auth: 'jwt', redis: false },
      );
    }
  },
);
