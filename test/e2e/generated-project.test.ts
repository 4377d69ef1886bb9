import { randomBytes } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { validCombinations } from '../../src/commands/list.js';
import { cleanInstallCommand, LOCKFILES } from '../../src/effects/package-manager.js';
import { type Combination, SUITE_TOOLCHAIN, selectedMatrix, type ToolchainSpec } from './matrix.js';
import { hasChromium, REMOTE_HOST, renderedDom } from './support/browser.js';
import { describeContract } from './support/contract.js';
import { databaseUnderTest } from './support/databases.js';
import { describeObservability } from './support/observability.js';
import {
  addToProject,
  generateProject,
  type Runtime,
  run,
  runScript,
  runServerToExit,
  type Server,
  SUITE_RUNTIME,
  startServer,
} from './support/project.js';
import { describeServerFaults } from './support/server-faults.js';
import { e2eRedisUrl } from './support/servers.js';
import { satisfiesNode, Toolchains } from './support/toolchains.js';

const matrix: Combination[] = selectedMatrix(validCombinations());

let toolchains: Toolchains | undefined;

interface RowRuntime extends Runtime {
  nodeVersion: string;
  pmVersion: string;
}

/** The suite's own npm and Node.js, or the row's from the npm registry (fetched once a run). */
async function runtimeOf(spec: ToolchainSpec): Promise<RowRuntime> {
  if (spec.pm === SUITE_TOOLCHAIN.pm && spec.node === SUITE_TOOLCHAIN.node) {
    return { ...SUITE_RUNTIME, nodeVersion: process.versions.node, pmVersion: "the suite's" };
  }
  toolchains ??= new Toolchains(path.join(inject('e2eRoot'), 'toolchains'));
  const { pm, env, nodeVersion, pmVersion } = await toolchains.get(spec.pm, spec.node);
  return { pm, env, nodeVersion, pmVersion };
}

/** Settings for the contract run: a known CORS origin, budgets the suite fits in. */
const CONTRACT_ENV = {
  CORS_ORIGINS: 'https://app.example.com',
  RATE_LIMIT_MAX: '300',
  AUTH_RATE_LIMIT_MAX: '40',
  LOG_LEVEL: 'info',
};

/**
 * What each row with a database grows through `add resource` before its checks: a resource with
 * every field type, each framework's starting with a different type (which its generated tests
 * change and send invalid), so every framework and database proves the generator.
 */
const RESOURCES: Record<string, { name: string; fields: string }> = {
  express: {
    name: 'invoice',
    fields:
      'title:string,amount:number,paid:boolean,dueAt:date,status:enum(draft|sent|paid),note:text?,count:integer',
  },
  fastify: {
    name: 'invoice',
    fields:
      'status:enum(draft|sent|paid),title:string,note:text?,amount:number,count:integer,paid:boolean,dueAt:date?',
  },
  hono: {
    name: 'line-item',
    fields:
      'shippedAt:date,label:string,note:text?,price:number?,quantity:integer,gift:boolean,kind:enum(physical|digital)?',
  },
  nest: {
    name: 'reminder',
    fields:
      'done:boolean,title:string,body:text,weight:number,rank:integer?,at:date,level:enum(low|high)',
  },
};

const runnable = matrix.filter(({ name, choices }) =>
  databaseUnderTest(choices.database).env(name),
);

// The API reference page is the framework's: a browser opens it once per framework.
const browsed = firstRowOfEachFramework(() => true);

// Sharing rate limits through Redis is the framework's code: its first row with Redis proves it.
const sharedLimits = firstRowOfEachFramework((choices) => choices.cache === 'redis');

/** The names of the first runnable row of each framework that `where` accepts. */
function firstRowOfEachFramework(where: (choices: Combination['choices']) => boolean): Set<string> {
  const names = ['express', 'fastify', 'hono', 'nest'].map(
    (framework) =>
      runnable.find(({ choices }) => choices.framework === framework && where(choices))?.name,
  );
  return new Set(names.filter((name) => name !== undefined));
}

describe.each(runnable)(
  'generated $name with $toolchain.pm on Node.js $toolchain.node',
  ({ name, choices, toolchain, features }) => {
    let dir: string;
    let runtime: RowRuntime;
    const database = databaseUnderTest(choices.database);
    // With Redis, its tests and the contract server count rate limits there; without
    // E2E_REDIS_URL they count in memory (the project's Redis tests skip themselves).
    const redisEnv: Record<string, string> =
      features.redis && e2eRedisUrl ? { REDIS_URL: e2eRedisUrl } : {};
    // Where its database is, when .env cannot say (a server the suite was given).
    let databaseEnv: Record<string, string> = {};

    beforeAll(async () => {
      runtime = await runtimeOf(toolchain);
      console.info(`${name}: Node.js ${runtime.nodeVersion}, ${runtime.pmVersion} ${runtime.pm}`);
      // A short name of its own: the row's name would be long enough to change how Biome
      // formats the lines that carry it (a known limit of the templates), and Redis keys are
      // prefixed with it, so no two rows may share one.
      dir = await generateProject(`app-${randomBytes(3).toString('hex')}`, choices, runtime);
      databaseEnv = (await database.env(name)) ?? {};
    });

    if (toolchain !== SUITE_TOOLCHAIN) {
      it('declares the Node.js line it runs on and pins its package manager', async () => {
        const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
        expect(satisfiesNode(runtime.nodeVersion, pkg.engines.node), pkg.engines.node).toBe(true);
        if (toolchain.pm === 'npm') expect(pkg.packageManager).toBeUndefined();
        else expect(pkg.packageManager).toBe(`${toolchain.pm}@${runtime.pmVersion}`);
        await expect(readFile(path.join(dir, LOCKFILES[toolchain.pm]))).resolves.toBeDefined();
      });
    }

    const resource = features.database ? RESOURCES[choices.framework] : undefined;
    if (resource) {
      it(`grows a resource with every field type (add resource ${resource.name})`, async () => {
        const added = await addToProject(
          dir,
          ['resource', resource.name, '--fields', resource.fields],
          runtime,
        );
        expect(added.stdout).toContain(resource.name);
      });
    }

    // What CI and the Dockerfile run: an install that must not change the lockfile. npm's own
    // round trip needs no proof here; pnpm's, Yarn's and Bun's lockfiles are the ones to check.
    if (toolchain.pm !== 'npm') {
      it('installs again from its lockfile, frozen', async () => {
        const [command, ...args] = cleanInstallCommand(toolchain.pm).split(' ') as [
          string,
          ...string[],
        ];
        await run(dir, command, args, {}, { runtime });
      });
    }

    it('passes its own lint, typecheck, tests and build', async () => {
      await runScript(dir, 'lint', {}, { runtime });
      await runScript(dir, 'typecheck', {}, { runtime });
      const tested = await runScript(dir, 'test', { ...databaseEnv, ...redisEnv }, { runtime });
      if (resource) expect(tested).toContain(`test/modules/${resource.name}s/`);
      await runScript(dir, 'build', {}, { runtime });
      expect(await readdir(path.join(dir, 'dist'))).toContain('server.js');
    });

    if (choices.database === 'postgres') {
      const copies = path.join('node_modules', '.cache', 'pglite');
      it('keeps a migrated copy of the embedded database its tests ran on', async () => {
        expect(await readdir(path.join(dir, copies))).toEqual([
          expect.stringMatching(/^[0-9a-f]{16}\.tar\.gz$/),
        ]);
      });

      // Where the copy is kept depends on the package manager, how it is loaded does not: once.
      if (toolchain.pm === 'npm') {
        it('starts its next test run from that copy', async () => {
          const [copy = ''] = await readdir(path.join(dir, copies));
          const { mtimeMs } = await stat(path.join(dir, copies, copy));
          const vitest = ['node_modules/vitest/vitest.mjs', 'run', 'test/modules/todos'];
          await run(dir, 'node', vitest, {}, { runtime });
          // Loaded, not made again: a run that had to create its database saves a new copy.
          expect((await stat(path.join(dir, copies, copy))).mtimeMs).toBe(mtimeMs);
        });
      }
    }

    if (features.database) {
      it('has migrations in sync with the schema (db:generate finds nothing to do)', async () => {
        const before = await readdir(path.join(dir, 'drizzle'));
        const output = await runScript(dir, 'db:generate', {}, { runtime });
        expect(output).toMatch(/No schema changes/i);
        expect(await readdir(path.join(dir, 'drizzle'))).toEqual(before);
      });
    }

    describe('served with the .env written at creation', () => {
      let server: Server;
      beforeAll(async () => {
        server = await startServer(dir, { ...CONTRACT_ENV, ...databaseEnv, ...redisEnv }, runtime);
      });
      afterAll(async () => {
        await server?.stop('SIGKILL');
      });

      // Before the contract, whose last test spends the client's rate limit.
      if (browsed.has(name)) {
        it.skipIf(!hasChromium)(
          'renders the API reference in a browser over plain HTTP, on a host other than localhost',
          async () => {
            const { port } = new URL(server.url);
            const dom = await renderedDom(`http://${REMOTE_HOST}:${port}/docs/`);
            // Swagger UI lists each operation once it has loaded its assets and the document.
            expect(dom).toMatch(/data-path="\/health"/);
          },
        );
      }

      describeContract(() => server, features);

      // Last: the server stops the way an orchestrator stops it.
      it('shuts down cleanly on SIGTERM', async () => {
        // Caught at once: a connection reset while stopping must not surface as an unhandled rejection.
        const inflight = fetch(`${server.url}/health`).catch(() => undefined);
        expect(await server.stop('SIGTERM')).toBe(0);
        expect((await inflight)?.status ?? 200).toBe(200);
      });
    });

    if (features.redis && sharedLimits.has(name)) {
      it.skipIf(!e2eRedisUrl)(
        'counts one rate limit for two servers on the same Redis',
        async () => {
          // Behind a trusted proxy, each run is a client of its own: no earlier count applies.
          const client = `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250)).join('.')}`;
          const env = {
            ...redisEnv,
            TRUST_PROXY: '1',
            RATE_LIMIT_MAX: '3',
            LOG_LEVEL: 'warn',
            ...(features.database ? { DATABASE_URL: database.scratchUrl(name) ?? '' } : {}),
          };
          const servers = await Promise.all([
            startServer(dir, env, runtime),
            startServer(dir, env, runtime),
          ]);
          try {
            const statuses: number[] = [];
            for (const server of [...servers, ...servers]) {
              const reply = await fetch(`${server.url}/api/v1`, {
                headers: { 'x-forwarded-for': client },
              });
              statuses.push(reply.status);
            }
            // Counted apart, each server would have seen two requests, under the limit of three.
            expect(statuses).toEqual([200, 200, 200, 429]);
          } finally {
            await Promise.all(servers.map((server) => server.stop('SIGKILL')));
          }
        },
      );

      it('refuses to start when Redis cannot be reached, saying so', async () => {
        const result = await runServerToExit(
          dir,
          { ...databaseEnv, REDIS_URL: 'redis://127.0.0.1:1' },
          runtime,
        );
        expect(result.exitCode).toBe(1);
        expect(String(result.all)).toMatch(/could not connect to Redis/);
      });
    }

    it('refuses to start on invalid configuration, naming each variable but no value', async () => {
      const secretLooking = 'short-secret-value';
      const secret = features.auth === 'better-auth' ? 'BETTER_AUTH_SECRET' : 'JWT_SECRET';
      const result = await runServerToExit(
        dir,
        {
          NODE_ENV: 'production',
          PORT: 'not-a-port',
          ...(features.auth ? { [secret]: secretLooking } : {}),
          ...(features.database ? { DATABASE_URL: 'not-a-database-url' } : {}),
        },
        runtime,
      );
      expect(result.exitCode).toBe(1);
      const output = String(result.all);
      expect(output).toMatch(/PORT/);
      if (features.auth) expect(output).toContain(secret);
      if (features.database) expect(output).toMatch(/DATABASE_URL/);
      expect(output).not.toContain(secretLooking);
      expect(output).not.toMatch(/\bat .+:\d+:\d+/);
    });

    // One row per framework (SQLite's, the lightest database) puts its server under faults.
    if (choices.database === 'sqlite') {
      describeServerFaults(() => ({ dir, runtime, env: databaseEnv }), features, name);
    }

    if (choices.observability === 'otel') {
      describeObservability(() => ({ dir, runtime, env: databaseEnv }), choices);
    }
  },
);
