import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHOICES } from '../../src/options/schema.js';
import { combination } from './matrix.js';
import { databaseUnderTest } from './support/databases.js';
import { childEnv, generateProject, runScript } from './support/project.js';
import { e2ePostgresUrl } from './support/servers.js';

/**
 * `--observability otel` with each framework, each on a database: the project passes its own
 * checks (its tests start a server that sends spans to a stand-in collector), then its built
 * server, started as `npm start` starts it, serves /metrics that Prometheus's `promtool` accepts
 * and sends the spans of a request and its query over OTLP/HTTP (protobuf) when it stops.
 */
const PROJECTS = [
  { framework: 'express', database: 'postgres', auth: 'jwt' },
  { framework: 'fastify', database: 'sqlite', auth: 'none' },
  { framework: 'hono', database: 'mysql', auth: 'none' },
  { framework: 'nest', database: 'postgres', auth: 'none' },
].map((choices) =>
  combination({
    ...DEFAULT_CHOICES,
    ...choices,
    deploy: 'none',
    ci: 'none',
    observability: 'otel',
  }),
);

const promtool = (() => {
  try {
    execFileSync('promtool', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!promtool && !process.env.CI) {
  console.warn(
    "promtool not found: skipping the check of /metrics in Prometheus's format. Install Debian's prometheus package.",
  );
}

// prom-client names three gauges of its default metrics with a `_total` suffix.
const PROM_CLIENT_FINDING =
  /^nodejs_active_(handles|requests|resources)_total non-counter metrics should not have "_total" suffix$/;

/** A stand-in for an OpenTelemetry collector: it keeps each OTLP/HTTP request body. */
function startCollector(bodies: Buffer[]): Server {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks));
      res.writeHead(200, { 'Content-Type': 'application/x-protobuf' }).end();
    });
  }).listen(0, '127.0.0.1');
}

interface DatabaseEnv {
  tests: Record<string, string>;
  server: Record<string, string>;
}

/**
 * The database each project's tests and server use: a real server where the suite has one. The
 * server runs with NODE_ENV=test, which migrates nothing: `/ready` only checks that the database
 * answers, so it gets no database of its own on a MySQL server, which names one in the URL.
 */
async function databaseEnv(name: string, database: string): Promise<DatabaseEnv> {
  if (database === 'postgres') {
    const env: Record<string, string> = e2ePostgresUrl ? { DATABASE_URL: e2ePostgresUrl } : {};
    return { tests: env, server: env };
  }
  if (database === 'sqlite') {
    const env = { DATABASE_URL: ':memory:' };
    return { tests: env, server: env };
  }
  const tests = (await databaseUnderTest(database).env(name)) ?? {};
  const server = new URL(String(tests.DATABASE_URL));
  server.pathname = '';
  return { tests, server: { DATABASE_URL: server.toString() } };
}

const runnable = PROJECTS.filter(({ name, choices }) =>
  databaseUnderTest(choices.database).env(name),
);

describe.each(runnable)('observability in $name', ({ name, choices }) => {
  let dir: string;
  let env: DatabaseEnv;
  const bodies: Buffer[] = [];
  let collector: Server;
  let server: ChildProcess | undefined;
  let exited: Promise<unknown[]> | undefined;
  let output = '';
  let url: string;
  const traceId = randomBytes(16).toString('hex');
  // Queries are traced on a database server, not on an embedded database.
  const tracesQueries =
    choices.database === 'mysql' || (choices.database === 'postgres' && Boolean(e2ePostgresUrl));

  beforeAll(async () => {
    dir = await generateProject(`otel-${name}`, choices);
    env = await databaseEnv(name, choices.database);
    collector = startCollector(bodies);
    await once(collector, 'listening');
  });

  afterAll(() => {
    server?.kill('SIGKILL');
    collector?.close();
  });

  it('passes its own lint, typecheck, tests and build', async () => {
    await runScript(dir, 'lint');
    await runScript(dir, 'typecheck');
    await runScript(dir, 'test', env.tests);
    await runScript(dir, 'build');
  });

  it('starts as `npm start` does, tracing to the endpoint it is given', async () => {
    const { scripts } = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
    const [node, ...args] = String(scripts.start).split(' ');
    expect(node).toBe('node');
    const port = String(20000 + Math.floor(Math.random() * 20000));
    url = `http://127.0.0.1:${port}`;
    server = spawn('node', args, {
      cwd: dir,
      env: childEnv({
        ...env.server,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: port,
        // Probes are logged at debug: the /ready line below is the one that carries the trace id.
        LOG_LEVEL: 'debug',
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exited = once(server, 'exit');
    server.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    server.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    const deadline = Date.now() + 90_000;
    while (!(await fetch(`${url}/health`).catch(() => undefined))?.ok) {
      if (server.exitCode !== null || Date.now() > deadline) {
        throw new Error(`the server did not start:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  it('serves /metrics in a format Prometheus accepts, counting the requests', async () => {
    const traceparent = `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
    expect((await fetch(`${url}/ready`, { headers: { traceparent } })).status).toBe(200);
    expect((await fetch(`${url}/api/v1`)).status).toBe(200);
    const res = await fetch(`${url}/metrics`);
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).toContain('http_requests_total{method="GET",route="/api/v1",status="200"} 1');
    if (promtool) {
      const check = await execa('promtool', ['check', 'metrics'], {
        input: text,
        reject: false,
        all: true,
      });
      // Exit code 3 is lint findings, 1 a format error. prom-client's own process metrics
      // have one finding (gauges named `…_total`); the app's metrics must have none.
      const findings = check.all?.split('\n').filter(Boolean) ?? [];
      const ours = findings.filter((line) => !PROM_CLIENT_FINDING.test(line));
      expect(check.exitCode === 0 || (check.exitCode === 3 && ours.length === 0), check.all).toBe(
        true,
      );
    } else if (process.env.CI) {
      throw new Error("promtool is missing: .ci/run installs Debian's prometheus package");
    }
  });

  it("sends the request's spans when it stops, with the trace id on its log line", async () => {
    server?.kill('SIGTERM');
    const [code] = (await exited) ?? [];
    expect(code, output).toBe(0);
    // OTLP/HTTP's default encoding is protobuf: ids are raw bytes, names plain UTF-8.
    const sent = Buffer.concat(bodies);
    expect(sent.includes(Buffer.from(traceId, 'hex'))).toBe(true);
    expect(sent.includes('GET /ready')).toBe(true);
    expect(sent.includes('db.')).toBe(tracesQueries);
    expect(output).toContain(`"trace_id":"${traceId}"`);
  });
});
