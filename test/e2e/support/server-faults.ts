import { existsSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect, createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Features } from './contract.js';
import { type Runtime, runServerToExit, type Server, startServer, until } from './project.js';

/** Short timeouts, so that the tests see them fire; limits the drain's traffic stays under. */
const SERVER_ENV = {
  LOG_LEVEL: 'info',
  HEADERS_TIMEOUT_MS: '1000',
  REQUEST_TIMEOUT_MS: '2000',
  KEEP_ALIVE_TIMEOUT_MS: '1500',
  SHUTDOWN_TIMEOUT_MS: '20000',
  RATE_LIMIT_MAX: '100000',
  AUTH_RATE_LIMIT_MAX: '100000',
};

/** What came back on a raw connection, and whether the server closed it (not our deadline). */
interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  // biome-ignore lint/suspicious/noExplicitAny: asserted field by field
  body: any;
  closedByServer: boolean;
}

/** Writes `chunks` on a fresh TCP connection and reads until the server closes it (15 s at most). */
function raw(url: string, chunks: string[]): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let data = '';
    let closedByServer = true;
    const deadline = setTimeout(() => {
      closedByServer = false;
      socket.destroy();
    }, 15_000);
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
    });
    socket.on('data', (chunk) => {
      data += chunk;
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(deadline);
      const [head = '', ...rest] = data.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((line) => {
          const colon = line.indexOf(':');
          return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
        }),
      );
      const text = rest.join('\r\n\r\n');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body, closedByServer });
    });
  });
}

/** A problem document Node's parser answered with: status, code, request id, connection closed. */
function expectRejection(answer: RawAnswer, status: number, code: string): void {
  expect(answer.status, JSON.stringify(answer)).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({ status, code, title: expect.any(String) });
  expect(answer.body.requestId).toBe(answer.headers['x-request-id']);
  expect(answer.closedByServer).toBe(true);
}

/** One request on a keep-alive agent: the answer, or the code of the error that ended it. */
interface Outcome {
  id: string;
  /** Sent once the server had logged that it was shutting down. */
  afterShutdown: boolean;
  status?: number;
  connection?: string;
  error?: string;
}

function send(
  url: string,
  agent: Agent,
  options: {
    method: string;
    path: string;
    id: string;
    body?: string;
    headers?: Record<string, string>;
    trickleMs?: number;
    /** Called once the first half of a trickled body has been handed to the connection. */
    onStarted?: () => void;
  },
): Promise<Omit<Outcome, 'afterShutdown'>> {
  const { method, path, id, body } = options;
  const headers: Record<string, string> = { ...options.headers, 'x-request-id': id };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  return new Promise((resolve) => {
    const req = request(new URL(path, url), { method, agent, headers }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ id, status: res.statusCode, connection: res.headers.connection }),
      );
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ id, error: error.code }));
    if (body === undefined) req.end();
    else if (!options.trickleMs) req.end(body);
    else {
      // Half the body now, the rest later: the request is in flight all that time.
      req.write(body.slice(0, body.length / 2), (error) => {
        options.onStarted?.();
        if (!error) setTimeout(() => req.end(body.slice(body.length / 2)), options.trickleMs);
      });
    }
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Failures reported the unreadable way: stack frames, or as JSON log lines (error, fatal). */
const unreadable = (output: string) =>
  output.split('\n').filter((line) => /^\s+at |"level":(50|60)/.test(line));

/**
 * How to start a server that the system refuses ports below 1024, on Linux: as it is for a
 * user other than root, through `setpriv` without CAP_NET_BIND_SERVICE for root (as in CI).
 * Undefined where no such refusal can be had (another system, or every port open to all).
 */
function refusedPrivilegedPorts(): string[] | undefined {
  if (process.platform !== 'linux') return undefined;
  let start: number;
  try {
    start = Number(readFileSync('/proc/sys/net/ipv4/ip_unprivileged_port_start', 'utf8'));
  } catch {
    return undefined;
  }
  if (start <= 80) return undefined;
  if (process.getuid?.() !== 0) return [];
  const setpriv = '/usr/bin/setpriv';
  return existsSync(setpriv) ? [setpriv, '--bounding-set=-net_bind_service'] : undefined;
}

/** The origin the faults server trusts (CORS_ORIGINS): Better Auth checks it on cookie POSTs. */
const ORIGIN = 'https://app.example.com';

/**
 * A write that commits a row, for each auth a project with a database can have: signing up
 * (jwt, Better Auth), or creating a todo (no auth). The drain test sends it as SIGTERM arrives.
 */
function aWrite(features: Features, label: string) {
  const email = `drain-${label}-${Date.now()}@example.com`;
  const password = 'correct-horse-battery-staple';
  if (features.auth === 'jwt')
    return { path: '/api/v1/auth/register', body: { email, password }, status: 201 };
  if (features.auth === 'better-auth')
    return {
      path: '/api/v1/auth/sign-up/email',
      body: { name: 'Drain', email, password },
      headers: { origin: ORIGIN },
      status: 200,
    };
  return { path: '/api/v1/todos', body: { title: `drain ${label}` }, status: 201 };
}

/**
 * The server's life under faults: Node's own answers (malformed requests, huge headers, requests
 * too slow to arrive) as problem documents, timeouts that close what a client leaves open, a
 * drain on SIGTERM that keep-alive clients survive (a write in flight is answered, never reset),
 * and start-up errors in one line. Runs against a server of its own, started from the project's
 * start script with short timeouts, and stopped by the drain test; the project needs a database
 * (for the write).
 */
export function describeServerFaults(
  project: () => { dir: string; runtime: Runtime; env: Record<string, string> },
  features: Features,
  label: string,
): void {
  if (!features.database) throw new Error('the server faults need a project with a database');

  describe('under faults', () => {
    let server: Server;

    beforeAll(async () => {
      const { dir, runtime, env } = project();
      server = await startServer(dir, { ...env, ...SERVER_ENV, CORS_ORIGINS: ORIGIN }, runtime);
    });

    afterAll(async () => {
      await server?.stop('SIGKILL');
    });

    it("answers what Node's HTTP parser rejects with problem documents", async () => {
      const [unknownMethod, hugeHeaders] = await Promise.all([
        raw(server.url, ['BREW /coffee HTTP/1.1\r\nHost: localhost\r\n\r\n']),
        raw(server.url, [
          `GET /health HTTP/1.1\r\nHost: localhost\r\nX-Large: ${'a'.repeat(20_000)}\r\n\r\n`,
        ]),
      ]);
      expectRejection(unknownMethod, 400, 'BAD_REQUEST');
      expectRejection(hugeHeaders, 431, 'HEADERS_TOO_LARGE');
      // A Host that is no host name: @hono/node-server refuses it before the app sees it (400);
      // the other three route the request (404). Either way, a problem document.
      const badHost = await raw(server.url, [
        'GET /api/v1/nope HTTP/1.1\r\nHost: exa mple\r\nConnection: close\r\n\r\n',
      ]);
      expect([400, 404], JSON.stringify(badHost)).toContain(badHost.status);
      expectRejection(
        badHost,
        badHost.status,
        badHost.status === 400 ? 'BAD_REQUEST' : 'NOT_FOUND',
      );
      // The log line is written after the answer.
      await until(() => server.output().includes(unknownMethod.body.requestId), 'the log line');
    });

    it('times out a body that never completes, headers that never end and idle connections', async () => {
      // A route that reads its body: the answer can only be the timeout.
      const post = `POST ${aWrite(features, label).path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n`;
      const [body, headers, idle] = await Promise.all([
        raw(server.url, [`${post}Content-Length: 100\r\n\r\n{"email":`]),
        raw(server.url, [post]),
        raw(server.url, ['GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n']),
      ]);
      expectRejection(body, 408, 'REQUEST_TIMEOUT');
      expectRejection(headers, 408, 'REQUEST_TIMEOUT');
      // Answered, kept alive, then closed by the server after KEEP_ALIVE_TIMEOUT_MS.
      expect(idle.status).toBe(200);
      expect(idle.closedByServer).toBe(true);
    });

    it('drains on SIGTERM: every request it started is answered, with Connection: close', async () => {
      const agent = new Agent({ keepAlive: true });
      const outcomes: Outcome[] = [];
      let shuttingDown = false;
      let exited = false;
      let sent = 0;
      const record = async (request: Promise<Omit<Outcome, 'afterShutdown'>>) => {
        const afterShutdown = shuttingDown;
        const outcome = { ...(await request), afterShutdown };
        outcomes.push(outcome);
        return outcome;
      };
      // Clients that keep their connections busy until the server is gone.
      const worker = async () => {
        while (!exited) {
          shuttingDown ||= server.output().includes('"shutting down"');
          const id = `drain-${label}-${sent++}`;
          const outcome = await record(
            send(server.url, agent, { method: 'GET', path: '/api/v1', id }),
          );
          if (outcome.error) return;
        }
      };
      const workers = Array.from({ length: 4 }, worker);
      // A write in flight when SIGTERM arrives: its body trickles in for a while after.
      const write = aWrite(features, label);
      let started: () => void = () => {};
      const writeStarted = new Promise<void>((resolve) => {
        started = resolve;
      });
      const written = record(
        send(server.url, agent, {
          method: 'POST',
          path: write.path,
          id: `drain-${label}-write`,
          body: JSON.stringify(write.body),
          headers: write.headers,
          trickleMs: 800,
          onStarted: started,
        }),
      );
      // Connected and half sent (on a busy machine, connecting alone can take a while); then
      // time for the server to read the request's head before the signal.
      await writeStarted;
      await sleep(300);
      const code = server.stop('SIGTERM').finally(() => {
        exited = true;
      });
      const [committed] = await Promise.all([written, ...workers]);
      expect(await code).toBe(0);
      agent.destroy();

      const output = server.output();
      expect(committed).toMatchObject({ status: write.status, connection: 'close' });
      expect(output).toContain('"stopped"');
      expect(output).not.toContain('shutdown timeout');
      expect(outcomes.filter((outcome) => outcome.status).length).toBeGreaterThan(4);
      for (const outcome of outcomes) {
        if (outcome.status) {
          expect(outcome.status, outcome.id).toBe(
            outcome.id.endsWith('write') ? write.status : 200,
          );
          if (outcome.afterShutdown) expect(outcome.connection, outcome.id).toBe('close');
        } else {
          // Refused once the server stopped listening, or closed as an idle connection before
          // the server read the request: never one it had started (each of those is logged).
          expect(output, `${outcome.id}: ${outcome.error}`).not.toContain(`"${outcome.id}"`);
        }
      }
    });

    it('refuses to start with one readable line when it cannot listen', async () => {
      const blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      const address = blocker.address();
      const taken = String(typeof address === 'object' && address ? address.port : 0);
      try {
        const { dir, runtime, env } = project();
        const inUse = await runServerToExit(
          dir,
          { ...env, HOST: '127.0.0.1', PORT: taken },
          runtime,
        );
        const notHere = await runServerToExit(
          dir,
          { ...env, HOST: '203.0.113.1', PORT: taken },
          runtime,
        );
        for (const [result, reason] of [
          [inUse, /^Cannot listen on 127\.0\.0\.1:\d+: the port is already in use\./m],
          [
            notHere,
            /^Cannot listen on 203\.0\.113\.1:\d+: HOST is not an address of this machine\./m,
          ],
        ] as const) {
          const output = String(result.all);
          expect(result.exitCode, output).toBe(1);
          expect(output).toMatch(reason);
          expect(unreadable(output), output).toEqual([]);
          expect(output).not.toMatch(/successfully started|listening on/);
        }
      } finally {
        blocker.close();
      }
    });

    const unprivileged = refusedPrivilegedPorts();
    it.skipIf(!unprivileged)('says so when a port needs privileges', async () => {
      const { dir, runtime, env } = project();
      const result = await runServerToExit(
        dir,
        { ...env, HOST: '127.0.0.1', PORT: '80' },
        runtime,
        unprivileged,
      );
      expect(result.exitCode).toBe(1);
      expect(String(result.all)).toMatch(/^Cannot listen on 127\.0\.0\.1:80: permission denied\./m);
    });
  });
}
