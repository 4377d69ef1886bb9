import { randomUUID } from 'node:crypto';
import {
  type AddressInfo,
  connect,
  createServer,
  type Server as NetServer,
  type Socket,
} from 'node:net';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHOICES } from '../../src/options/schema.js';
import { expectProblem, request } from './support/http.js';
import {
  childEnv,
  generateProject,
  runScript,
  runServerToExit,
  type Server,
  startServer,
  until,
} from './support/project.js';
import { e2eMysqlUrl, e2ePostgresUrl } from './support/servers.js';

/**
 * The data side of a generated server under faults, in every framework: a database that goes
 * away and comes back (503 with Retry-After, then service again), a DATABASE_URL it cannot use
 * at start-up (one line, never the value), the token of a deleted user (401), values the database
 * cannot keep (400), an unexpected error (a 500 that says nothing, even in development), and logs
 * that never carry what a failed query was sent. Each framework runs on one of the two server
 * databases, reached through a TCP proxy of the test's own so the test can take it away.
 */
const ROWS = [
  { framework: 'express', database: 'postgres' },
  { framework: 'fastify', database: 'mysql' },
  { framework: 'hono', database: 'postgres' },
  { framework: 'nest', database: 'mysql' },
] as const;

const SERVER_URLS = { postgres: e2ePostgresUrl, mysql: e2eMysqlUrl };

const rows = ROWS.filter(
  ({ framework, database }) =>
    SERVER_URLS[database] &&
    (!process.env.E2E_FRAMEWORK || process.env.E2E_FRAMEWORK === framework),
);

const BIN = path.resolve(import.meta.dirname, '../../bin/create-backend.js');

/** A TCP proxy to the database server: `stop()` is the outage, `start()` its end. */
class DatabaseProxy {
  private server: NetServer | undefined;
  private readonly sockets = new Set<Socket>();
  /** Chosen on the first start, kept on the next ones. */
  port = 0;

  constructor(private readonly target: URL) {}

  async start(): Promise<void> {
    const server = createServer((client) => this.pipe(client));
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    const closed = new Promise((resolve) => server.close(resolve));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  /** The server's URL with this proxy as its host, naming `database`. */
  url(database: string): string {
    const url = new URL(this.target);
    url.host = `127.0.0.1:${this.port}`;
    url.pathname = `/${database}`;
    return url.toString();
  }

  private pipe(client: Socket): void {
    const upstream = connect(Number(this.target.port), this.target.hostname);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      this.sockets.add(from);
      from.on('close', () => {
        this.sockets.delete(from);
        to.destroy();
      });
      from.on('error', () => from.destroy());
      from.pipe(to);
    }
  }
}

/** Runs statements on a database server with the project's own driver. */
async function runSql(dir: string, database: 'postgres' | 'mysql', url: string, sql: string[]) {
  const script =
    database === 'postgres'
      ? 'import pg from "pg"; const c = new pg.Client({ connectionString: process.env.URL }); await c.connect(); for (const s of JSON.parse(process.env.SQL)) await c.query(s); await c.end();'
      : 'import mysql from "mysql2/promise"; const c = await mysql.createConnection({ uri: process.env.URL }); for (const s of JSON.parse(process.env.SQL)) await c.query(s); await c.end();';
  await execa('node', ['--input-type=module', '-e', script], {
    cwd: dir,
    env: childEnv({ URL: url, SQL: JSON.stringify(sql) }),
  });
}

describe.each(rows)('a $framework server on $database, when data goes wrong', (row) => {
  const { framework, database } = row;
  const serverUrl = new URL(String(SERVER_URLS[database]));
  const name = `faults_${framework}_${randomUUID().slice(0, 8)}`;
  const proxy = new DatabaseProxy(serverUrl);
  const password = 'correct horse battery staple';
  let dir: string;
  let server: Server;

  const api = (method: string, url: string, options: Parameters<typeof request>[3] = {}) =>
    request(server.url, method, url, options);
  const register = async () => {
    const email = `someone-${randomUUID()}@example.com`;
    return {
      email,
      reply: await api('POST', '/api/v1/auth/register', { body: { email, password } }),
    };
  };

  beforeAll(async () => {
    dir = await generateProject(`faults-data-${framework}`, {
      ...DEFAULT_CHOICES,
      framework,
      database,
      auth: 'jwt',
      deploy: 'none',
      ci: 'none',
    });
    await execa(
      'node',
      [BIN, 'add', 'resource', 'event', '--fields', 'title:string,startsAt:date'],
      {
        cwd: dir,
        env: childEnv({ CI: 'true' }),
        stdin: 'ignore',
      },
    );
    await runScript(dir, 'build');
    await proxy.start();
    // MySQL's migrations create the database; PostgreSQL's need one.
    if (database === 'postgres')
      await runSql(dir, database, serverUrl.href, [`create database ${name}`]);
    // In development, as the .env written at creation says: it applies the migrations at start,
    // and it is where a 500 used to carry the error's message.
    server = await startServer(dir, {
      NODE_ENV: 'development',
      DATABASE_URL: proxy.url(name),
      LOG_LEVEL: 'info',
      RATE_LIMIT_MAX: '100000',
      AUTH_RATE_LIMIT_MAX: '100000',
    });
  });

  afterAll(async () => {
    await server?.stop('SIGKILL');
    await proxy.stop();
    const drop =
      database === 'postgres'
        ? `drop database if exists ${name} with (force)`
        : `drop database if exists ${name}`;
    if (dir) await runSql(dir, database, serverUrl.href, [drop]);
  });

  it('refuses to start on a database it cannot use, in one line without the URL', async () => {
    const secret = 's3cret-Pa55word';
    const nothingThere = new URL(serverUrl);
    nothingThere.password = secret;
    nothingThere.host = '127.0.0.1:1';
    nothingThere.pathname = '/app';
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'e2e-secret-that-is-long-enough-for-production-use',
    };
    const lines = async (env: Record<string, string>) => {
      const result = await runServerToExit(dir, env);
      expect(result.exitCode, String(result.all)).toBe(1);
      expect(String(result.all)).not.toContain(secret);
      return String(result.all).trim().split('\n');
    };

    expect(await lines({ ...production, DATABASE_URL: nothingThere.href })).toEqual([
      'Cannot connect to the database in DATABASE_URL: nothing is listening at its host and port.',
    ]);
    const [development = '', ...rest] = await lines({
      NODE_ENV: 'development',
      DATABASE_URL: nothingThere.href,
    });
    expect(rest).toEqual([]);
    expect(development).toMatch(
      /^Cannot connect to the database in DATABASE_URL: nothing is listening at its host and port\. Start .+\.$/,
    );
    const unknown = new URL(serverUrl);
    unknown.pathname = '/no_such_database';
    expect(await lines({ ...production, DATABASE_URL: unknown.href })).toEqual([
      'Cannot connect to the database in DATABASE_URL: the database it names does not exist.',
    ]);
  });

  it('treats the access token of a user who no longer exists as an invalid one', async () => {
    const { email, reply } = await register();
    expect(reply.status, reply.text).toBe(201);
    await runSql(dir, database, proxy.url(name), [`delete from users where email = '${email}'`]);
    const token = reply.body.accessToken;
    expectProblem(await api('GET', '/api/v1/users/me', { token }), 401, 'INVALID_TOKEN');
    expectProblem(
      await api('POST', '/api/v1/todos', { token, body: { title: 'orphan' } }),
      401,
      'INVALID_TOKEN',
    );
  });

  it('refuses with 400 the values the database cannot keep', async () => {
    const { reply } = await register();
    const token = reply.body.accessToken;
    const create = (body: object) => api('POST', '/api/v1/events', { token, body });
    for (const startsAt of ['0000-01-01T00:00:00Z', '9999-12-31T23:00:00-05:00']) {
      const refused = await create({ title: 'out of range', startsAt });
      expectProblem(refused, 400, 'VALIDATION_FAILED');
      expect(refused.body.errors, startsAt).toEqual([
        { path: 'startsAt', message: expect.stringMatching(/9999/) },
      ]);
    }
    const nul = await create({ title: 'a\u0000b', startsAt: '2030-01-02T03:04:05Z' });
    expectProblem(nul, 400, 'VALIDATION_FAILED');
    // A page cursor comes back from the client too, and its date goes into the query.
    const cursor = Buffer.from(JSON.stringify(['0000-01-01T00:00:00.000Z', randomUUID()]));
    const page = await api('GET', `/api/v1/events?cursor=${cursor.toString('base64url')}`, {
      token,
    });
    expectProblem(page, 400, 'VALIDATION_FAILED');
    const stored = await create({ title: 'in range', startsAt: '9999-12-31T23:59:59.999Z' });
    expect(stored.status, stored.text).toBe(201);
    expect(stored.body.startsAt).toBe('9999-12-31T23:59:59.999Z');
  });

  it('answers an unexpected error with a 500 that says nothing of it, even in development', async () => {
    const { reply } = await register();
    await runSql(dir, database, proxy.url(name), ['drop table events']);
    const title = `secret-${randomUUID()}`;
    const failed = await api('POST', '/api/v1/events', {
      token: reply.body.accessToken,
      body: { title, startsAt: '2030-01-02T03:04:05Z' },
    });
    expectProblem(failed, 500, 'INTERNAL_ERROR');
    expect(failed.body.detail).toBe('An unexpected error occurred.');
    // Logged with its stack, under the request id, but without the values the query was sent.
    await until(async () => server.output().includes(failed.body.requestId), 'the log line');
    const line = server
      .output()
      .split('\n')
      .find((text) => text.includes(failed.body.requestId));
    expect(line).toMatch(/"err":\{/);
    expect(server.output()).not.toContain(title);
  });

  it('answers 503 with Retry-After while the database is away, logs no secrets, and recovers', async () => {
    await proxy.stop();
    try {
      const before = server.output().length;
      const { email, reply } = await register();
      expectProblem(reply, 503, 'SERVICE_UNAVAILABLE');
      expect(reply.headers.get('retry-after')).toBe('5');
      expectProblem(await api('GET', '/ready'), 503, 'SERVICE_UNAVAILABLE');
      await until(async () => server.output().includes(reply.body.requestId), 'the log line');
      const logged = server.output().slice(before);
      expect(logged).not.toContain(email);
      expect(logged).not.toContain('$argon2id');
    } finally {
      await proxy.start();
    }
    await until(async () => (await api('GET', '/ready')).status === 200, 'the database to be back');
    const { reply } = await register();
    expect(reply.status, reply.text).toBe(201);
  });
});
