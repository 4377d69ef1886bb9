import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, type Reply, request, sendAsIs } from './http.js';
import type { Server } from './project.js';

/** What the generated project has, so the contract knows which routes to expect. */
export interface Features {
  database: boolean;
  /** Which auth: bearer tokens (jwt) or cookie sessions (better-auth), or none. */
  auth: 'jwt' | 'better-auth' | false;
  /** Rate limits kept in Redis: the contract server is started with REDIS_URL. */
  redis: boolean;
}

/**
 * The HTTP contract of DESIGN.md §3, checked over real HTTP against a running server (and
 * what it prints). Every framework's generated app must pass it unchanged. The server must be
 * started with `CORS_ORIGINS=https://app.example.com`, `LOG_LEVEL=info` (the default) and
 * `AUTH_RATE_LIMIT_MAX` high enough for the auth flow (about 20 requests) but finite: the last
 * test exhausts it.
 */
export function describeContract(
  server: () => Pick<Server, 'url' | 'output'>,
  features: Features,
): void {
  const call = (method: string, path: string, options?: Parameters<typeof request>[3]) =>
    request(server().url, method, path, options);

  describe('operational endpoints', () => {
    it('GET /health is 200 {"status":"ok"}', async () => {
      const reply = await call('GET', '/health');
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({ status: 'ok' });
    });

    it('GET /ready is 200 when dependencies answer', async () => {
      const reply = await call('GET', '/ready');
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ status: 'ok' });
    });

    it('serves OpenAPI 3.1 with the API paths, and the docs page', async () => {
      const spec = await call('GET', '/openapi.json');
      expect(spec.status).toBe(200);
      expect(spec.body.openapi).toMatch(/^3\.1\./);
      const paths = Object.keys(spec.body.paths);
      if (features.database) expect(paths).toContain('/api/v1/todos/{id}');
      if (features.auth) expect(paths).toContain(SIGN_UP[features.auth]);
      const docs = await call('GET', '/docs/');
      expect(docs.status).toBe(200);
      expect(docs.headers.get('content-type')).toMatch(/text\/html/);
    });
  });

  describe('OpenAPI document', () => {
    it('passes Redocly (recommended rules) and Spectral (spectral:oas) with no errors', async () => {
      const spec = await call('GET', '/openapi.json');
      const findings = await lintOpenApi(spec.text);
      expect(findings.redocly, findings.output).toBe(0);
      expect(findings.spectral, findings.output).toBe(0);
    });

    it('declares the statuses the contract answers with, and which routes are public', async () => {
      const { body: spec } = await call('GET', '/openapi.json');
      const operations = Object.entries(spec.paths as Record<string, Record<string, Operation>>)
        .filter(([path]) => path === '/api/v1' || path.startsWith('/api/v1/'))
        .flatMap(([path, item]) =>
          Object.entries(item).map(([method, op]) => ({ path, method, op })),
        );
      expect(operations.length).toBeGreaterThan(0);
      for (const { path, method, op } of operations) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(Object.keys(op.responses), where).toEqual(expect.arrayContaining(['429']));
        if (op.requestBody) {
          expect(op.requestBody.required, where).toBe(true);
          expect(Object.keys(op.responses), where).toEqual(
            expect.arrayContaining(['400', '413', '415']),
          );
        }
        const isPublic = path === '/api/v1' || path.startsWith('/api/v1/auth/');
        if (isPublic || !features.auth) expect(op.security ?? spec.security, where).toEqual([]);
      }
    });
  });

  describe('cross-cutting behaviour', () => {
    it('answers unknown routes with a 404 problem', async () => {
      expectProblem(await call('GET', '/api/v1/nope'), 404, 'NOT_FOUND');
    });

    it('echoes a valid X-Request-Id and replaces an invalid one', async () => {
      const echoed = await call('GET', '/health', { headers: { 'x-request-id': 'abc-123' } });
      expect(echoed.headers.get('x-request-id')).toBe('abc-123');
      const replaced = await call('GET', '/health', {
        headers: { 'x-request-id': 'bad id\u00e9' },
      });
      expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const generated = await call('GET', '/health');
      expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('logs each request on one JSON line that carries its request id', async () => {
      const id = `log-check-${Date.now()}`;
      await call('GET', '/api/v1/nope', { headers: { 'x-request-id': id } });
      // Each framework's pino integration shapes the line its own way (pino-http's `req`/`res`,
      // Fastify's `reqId`): the id may sit anywhere in it.
      const line = await logLine(server, (entry) => isRequestLine(entry, id));
      expect(statusOf(line)).toBe(404);
      expect(line.responseTime).toEqual(expect.any(Number));
    });

    it('logs requests at info, and successful probes only at debug', async () => {
      const probe = `probe-check-${Date.now()}`;
      const index = `index-check-${Date.now()}`;
      await call('GET', '/health', { headers: { 'x-request-id': probe } });
      await call('GET', '/api/v1', { headers: { 'x-request-id': index } });
      // Lines are written in order: once the later request's line is out, the probe's would be.
      const line = await logLine(server, (entry) => isRequestLine(entry, index));
      expect(line.level).toBe(30);
      expect(statusOf(line)).toBe(200);
      expect(server().output()).not.toContain(probe);
    });

    it('sets security headers and hides the framework', async () => {
      const reply = await call('GET', '/health');
      expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
      expect(reply.headers.get('content-security-policy')).toBeTruthy();
      expect(reply.headers.get('strict-transport-security')).toBeTruthy();
      expect(reply.headers.get('x-powered-by')).toBeNull();
    });

    it('allows CORS only for configured origins', async () => {
      const allowed = await call('GET', '/health', {
        headers: { origin: 'https://app.example.com' },
      });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
      expect(allowed.headers.get('access-control-expose-headers')).toMatch(/x-request-id/i);
      expect(allowed.headers.get('vary')).toMatch(/origin/i);
      const other = await call('GET', '/health', { headers: { origin: 'https://evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('answers CORS preflights for configured origins', async () => {
      const preflight = (origin: string) =>
        call('OPTIONS', '/api/v1', {
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type',
          },
        });
      const allowed = await preflight('https://app.example.com');
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
      expect(allowed.headers.get('access-control-allow-methods')).toMatch(/POST/);
      const other = await preflight('https://evil.example');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('answers an unknown route with a path of 8000 characters with a 404 problem', async () => {
      expectProblem(await call('GET', `/api/v1/${'a'.repeat(8000)}`), 404, 'NOT_FOUND');
    });

    it('answers an OPTIONS request that is no CORS preflight (no Origin) with a 204', async () => {
      for (const path of ['/health', '/api/v1', '/api/v1/nope']) {
        const reply = await call('OPTIONS', path);
        expect(reply.status, `${path}: ${reply.text}`).toBe(204);
        expect(reply.headers.get('x-request-id'), path).toBeTruthy();
      }
    });

    it('refuses a path whose percent-encoding does not decode with a 400 problem', async () => {
      for (const path of ['/%ZZ', '/api/v1/%ZZ', '/api/v1/%E0%A4%A']) {
        expectProblem(await call('GET', path), 400, 'BAD_REQUEST');
      }
    });

    it('leaves the body of a GET request unread', async () => {
      const get = (path: string, body: string) =>
        sendAsIs(server().url, 'GET', path, {
          body,
          headers: { 'content-type': 'application/json' },
        });
      for (const path of ['/health', '/api/v1']) {
        const bodiless: Record<string, string>[] = [
          { 'content-type': 'application/json; charset=latin1' },
          { 'content-encoding': 'gzip' },
        ];
        for (const headers of bodiless) {
          const reply = await sendAsIs(server().url, 'GET', path, { headers });
          expect(reply.status, `${path} ${JSON.stringify(headers)}: ${reply.text}`).toBe(200);
        }
        const malformed = await get(path, '{"title":');
        expect(malformed.status, `${path}: ${malformed.text}`).toBe(200);
        const large = await get(path, JSON.stringify({ title: 'x'.repeat(200_000) }));
        expect(large.status, `${path}: ${large.text}`).toBe(200);
      }
    });

    it('sends no ETag, so a client that echoes one gets no 304', async () => {
      for (const path of ['/api/v1', '/openapi.json', '/docs/']) {
        expect((await call('GET', path)).headers.get('etag'), path).toBeNull();
      }
    });

    if (!features.database) {
      it('rejects malformed JSON sent to an unknown route with a 4xx problem', async () => {
        const reply = await call('POST', '/api/v1/nope', { raw: '{"title":' });
        expectProblem(reply, reply.status);
        expect([400, 404]).toContain(reply.status);
      });
    }
  });

  if (features.database) describeHostileInput(call, features, () => server().url);
  if (features.database) describeTodos(call, features);
  if (features.auth === 'jwt') describeAuth(call);
  if (features.auth === 'better-auth') describeSessionAuth(call);

  // Last, because it spends the client's whole budget.
  describe('rate limiting', () => {
    it('answers over-limit clients with a 429 problem and Retry-After', async () => {
      // The sign-in route where there is one (its own, stricter limit), else the API's index.
      const { auth } = features;
      const send = auth
        ? () =>
            call('POST', SIGN_IN[auth], {
              body: { email: 'a@example.com', password: 'x'.repeat(12) },
            })
        : () => call('GET', '/api/v1');
      let reply = await send();
      for (let i = 0; i < 500 && reply.status !== 429; i++) reply = await send();
      expectProblem(reply, 429);
      expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });
}

interface Operation {
  responses: Record<string, unknown>;
  requestBody?: { required?: boolean };
  security?: unknown[];
}

/** Runs both OpenAPI linters over a document; their error counts and what they printed. */
async function lintOpenApi(
  document: string,
): Promise<{ redocly: number; spectral: number; output: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cb-openapi-'));
  try {
    await writeFile(path.join(dir, 'openapi.json'), document);
    await writeFile(path.join(dir, '.spectral.yaml'), 'extends: ["spectral:oas"]\n');
    const env = { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
    const options = { cwd: dir, env, reject: false, all: true } as const;
    const [redocly, spectral] = await Promise.all([
      execa(
        BIN('redocly'),
        ['lint', '--extends', 'recommended', '--format', 'stylish', 'openapi.json'],
        options,
      ),
      execa(
        BIN('spectral'),
        ['lint', 'openapi.json', '--ruleset', '.spectral.yaml', '--fail-severity', 'error'],
        options,
      ),
    ]);
    return {
      redocly: redocly.exitCode ?? 1,
      spectral: spectral.exitCode ?? 1,
      output: `${redocly.all}\n${spectral.all}`,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const BIN = (name: string) => path.resolve(import.meta.dirname, '../../../node_modules/.bin', name);

type Call = (
  method: string,
  path: string,
  options?: Parameters<typeof request>[3],
) => ReturnType<typeof request>;

/** Whether `entry` is the line logging the response to the request with this id. */
function isRequestLine(entry: Record<string, unknown>, requestId: string): boolean {
  return statusOf(entry) !== undefined && JSON.stringify(entry).includes(`"${requestId}"`);
}

/** The status a request log line records, wherever the framework's logger puts it. */
function statusOf(entry: Record<string, unknown>): unknown {
  const res = entry.res as Record<string, unknown> | undefined;
  return entry.statusCode ?? res?.statusCode ?? res?.status;
}

/**
 * Requests a client gets wrong or sends to probe the server: every framework answers each with
 * the same status and problem code, never a 5xx and never its own error format.
 */
function describeHostileInput(call: Call, features: Features, url: () => string): void {
  describe('malformed and hostile requests', () => {
    let as: SignedIn = {};
    beforeAll(async () => {
      as = features.auth ? (await signUp(call, features.auth)).as : {};
    });
    const post = (raw: string, contentType = 'application/json') =>
      call('POST', '/api/v1/todos', {
        raw,
        ...as,
        headers: { ...as.headers, 'content-type': contentType },
      });

    it('rejects malformed JSON with a 400 MALFORMED_JSON problem', async () => {
      expectProblem(await post('{"title":'), 400, 'MALFORMED_JSON');
    });

    it('rejects an empty body and bodies that are not objects as invalid', async () => {
      for (const raw of ['', '[]', '"text"', '42', 'null']) {
        const reply = await post(raw);
        expect(reply.status, `body ${JSON.stringify(raw)}: ${reply.text}`).toBe(400);
        expectProblem(reply, 400, 'VALIDATION_FAILED');
      }
    });

    it('rejects a body that is not JSON with a 415 problem', async () => {
      expectProblem(await post('{"title":"x"}', 'text/plain'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('rejects JSON declared in a charset other than UTF-8 with a 415 problem', async () => {
      for (const charset of ['latin1', 'utf-16', 'windows-1252']) {
        const reply = await post('{"title":""}', `application/json; charset=${charset}`);
        expectProblem(reply, 415, 'UNSUPPORTED_MEDIA_TYPE');
      }
      // UTF-8, however it is written, is read: this body is then invalid rather than refused.
      for (const charset of ['utf-8', 'UTF-8', '"utf-8"']) {
        const reply = await post('{"title":""}', `application/json; charset=${charset}`);
        expectProblem(reply, 400, 'VALIDATION_FAILED');
      }
    });

    it('rejects a body over the limit with a 413 problem', async () => {
      const reply = await post(JSON.stringify({ title: 'x'.repeat(200_000) }));
      expectProblem(reply, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('rejects text the database cannot store (NUL, unpaired surrogates) as invalid', async () => {
      expectProblem(await post('{"title":"a\\u0000b"}'), 400, 'VALIDATION_FAILED');
      expectProblem(await post('{"title":"\\ud800"}'), 400, 'VALIDATION_FAILED');
    });

    it('refuses an id whose percent-encoding does not decode with a 400 problem, signed in or not', async () => {
      for (const id of ['%ZZ', '%E0%A4%A']) {
        for (const options of [{}, as]) {
          expectProblem(await call('GET', `/api/v1/todos/${id}`, options), 400, 'BAD_REQUEST');
        }
      }
    });

    it('reads application/json only: other JSON media types are a 415 problem', async () => {
      for (const type of ['application/vnd.api+json', 'application/merge-patch+json']) {
        expectProblem(await post('{"title":"x"}', type), 415, 'UNSUPPORTED_MEDIA_TYPE');
      }
    });

    it('refuses a body in a content coding (gzip) with a 415 problem', async () => {
      const bearer: Record<string, string> = as.token
        ? { authorization: `Bearer ${as.token}` }
        : {};
      const reply = await sendAsIs(url(), 'POST', '/api/v1/todos', {
        body: gzipSync('{"title":"zipped"}'),
        headers: {
          ...as.headers,
          ...bearer,
          'content-type': 'application/json',
          'content-encoding': 'gzip',
        },
      });
      expectProblem(reply, 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('refuses JSON nested 10,000 deep as invalid, on the resource and the sign-up and sign-in routes', async () => {
      const deep = [
        `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
        `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
      ];
      for (const raw of deep) {
        expectProblem(await post(raw), 400, 'VALIDATION_FAILED');
        if (!features.auth) continue;
        for (const path of [SIGN_UP[features.auth], SIGN_IN[features.auth]]) {
          const reply = await call('POST', path, { raw, headers: { origin: ORIGIN } });
          expectProblem(reply, 400, 'VALIDATION_FAILED');
        }
      }
    });

    it('takes an empty body without a Content-Type as a missing one: 400, not 415', async () => {
      const reply = await call('POST', '/api/v1/todos', as);
      expectProblem(reply, 400, 'VALIDATION_FAILED');
    });

    it('takes __proto__ and constructor keys as unknown fields, which are dropped', async () => {
      const reply = await post(
        '{"title":"keys","__proto__":{"role":"admin"},"constructor":{"prototype":{"role":"admin"}}}',
      );
      expect(reply.status, reply.text).toBe(201);
      expect(Object.keys(reply.body).sort()).toEqual([
        'createdAt',
        'done',
        'id',
        'title',
        'updatedAt',
      ]);
    });

    it('answers a path no route matches below a protected resource with 404, signed in or not', async () => {
      const below = ['/api/v1/todos/x/y', ...(features.auth ? ['/api/v1/users/me/x'] : [])];
      for (const path of below) {
        for (const options of [{}, as]) {
          expectProblem(await call('GET', path, options), 404, 'NOT_FOUND');
          expectProblem(await call('DELETE', path, options), 404, 'NOT_FOUND');
        }
      }
    });

    it('rejects malformed ids, a NUL or a long one among them, as invalid', async () => {
      for (const id of ['not-a-uuid', '%00', 'a'.repeat(500)]) {
        expectProblem(await call('GET', `/api/v1/todos/${id}`, as), 400, 'VALIDATION_FAILED');
      }
    });
  });
}

/** Waits (briefly: the server writes its log lines every few milliseconds) for a matching JSON line. */
async function logLine(
  server: () => Pick<Server, 'output'>,
  matches: (entry: Record<string, unknown>) => boolean,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    for (const text of server().output().split('\n')) {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(text);
      } catch {
        continue; // not a JSON line, or not all of it yet
      }
      if (matches(entry)) return entry;
    }
    if (Date.now() > deadline) throw new Error(`no such log line in:\n${server().output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const PASSWORD = 'correct horse battery staple';
const SIGN_UP = { jwt: '/api/v1/auth/register', 'better-auth': '/api/v1/auth/sign-up/email' };
const SIGN_IN = { jwt: '/api/v1/auth/login', 'better-auth': '/api/v1/auth/sign-in/email' };
/** The origin the contract server trusts (CORS_ORIGINS): Better Auth checks it on cookie POSTs. */
const ORIGIN = 'https://app.example.com';

/** What signs a request in: a bearer token (jwt) or the session cookie and an origin. */
type SignedIn = { token?: string; headers?: Record<string, string> };

interface SignedUp {
  email: string;
  as: SignedIn;
  /** jwt only. */
  refreshToken?: string;
}

async function signUp(call: Call, auth: 'jwt' | 'better-auth' = 'jwt'): Promise<SignedUp> {
  const email = `user-${crypto.randomUUID()}@example.com`;
  if (auth === 'better-auth') {
    const reply = await call('POST', SIGN_UP[auth], {
      body: { name: 'Contract', email, password: PASSWORD },
      headers: { origin: ORIGIN },
    });
    expect(reply.status, reply.text).toBe(200);
    return { email, as: { headers: { cookie: sessionCookie(reply), origin: ORIGIN } } };
  }
  const reply = await call('POST', SIGN_UP[auth], { body: { email, password: PASSWORD } });
  expect(reply.status, reply.text).toBe(201);
  expect(reply.headers.get('cache-control')).toMatch(/no-store/);
  return { email, as: { token: reply.body.accessToken }, refreshToken: reply.body.refreshToken };
}

/** The `Cookie` header a browser would send back after this reply. */
function sessionCookie(reply: Reply): string {
  const cookies = reply.headers.getSetCookie().map((cookie) => cookie.split(';', 1)[0]);
  expect(cookies.join('; ')).toMatch(/session_token=/);
  return cookies.join('; ');
}

function describeTodos(call: Call, features: Features): void {
  describe('todos resource', () => {
    it('creates, reads, updates, lists with cursor pagination and deletes', async () => {
      const as = features.auth ? (await signUp(call, features.auth)).as : {};
      const created = await call('POST', '/api/v1/todos', {
        body: { title: 'write tests' },
        ...as,
      });
      expect(created.status, created.text).toBe(201);
      expect(created.body).toMatchObject({ title: 'write tests', done: false });
      const id = created.body.id as string;

      const read = await call('GET', `/api/v1/todos/${id}`, as);
      expect(read.body).toEqual(created.body);

      const updated = await call('PATCH', `/api/v1/todos/${id}`, { body: { done: true }, ...as });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ id, done: true });

      for (const title of ['two', 'three']) {
        await call('POST', '/api/v1/todos', { body: { title }, ...as });
      }
      const first = await call('GET', '/api/v1/todos?limit=2', as);
      expect(first.status).toBe(200);
      expect(first.body.data).toHaveLength(2);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const rest = await call(
        'GET',
        `/api/v1/todos?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
        as,
      );
      const ids = [...first.body.data, ...rest.body.data].map((todo: { id: string }) => todo.id);
      expect(new Set(ids).size).toBe(ids.length);
      if (features.auth) {
        expect(ids).toHaveLength(3);
        expect(rest.body.nextCursor).toBeNull();
      }

      const removed = await call('DELETE', `/api/v1/todos/${id}`, as);
      expect(removed.status).toBe(204);
      expectProblem(await call('GET', `/api/v1/todos/${id}`, as), 404);
    });

    it('validates input: 400 lists each field, malformed id is 400, limit is bounded', async () => {
      const as = features.auth ? (await signUp(call, features.auth)).as : {};
      const blank = await call('POST', '/api/v1/todos', { body: { title: '   ' }, ...as });
      expectProblem(blank, 400, 'VALIDATION_FAILED');
      expect(blank.body.errors).toEqual([{ path: 'title', message: expect.any(String) }]);
      const todo = await call('POST', '/api/v1/todos', { body: { title: 'ok' }, ...as });
      const invalid = await call('PATCH', `/api/v1/todos/${todo.body.id}`, {
        body: { title: '', done: 'yes' },
        ...as,
      });
      expectProblem(invalid, 400, 'VALIDATION_FAILED');
      const paths = invalid.body.errors.map((error: { path: string }) => error.path);
      expect(paths.sort()).toEqual(['done', 'title']);
      expectProblem(await call('GET', '/api/v1/todos/not-a-uuid', as), 400);
      expectProblem(await call('GET', '/api/v1/todos?limit=1000', as), 400);
    });

    if (features.auth) {
      it('keeps each user to their own todos', async () => {
        const alice = await signUp(call, features.auth || undefined);
        const bob = await signUp(call, features.auth || undefined);
        const todo = await call('POST', '/api/v1/todos', {
          body: { title: 'private' },
          ...alice.as,
        });
        expectProblem(await call('GET', `/api/v1/todos/${todo.body.id}`, bob.as), 404);
        const list = await call('GET', '/api/v1/todos', bob.as);
        expect(list.body.data).toEqual([]);
        const anonymous = await call('GET', '/api/v1/todos');
        expectProblem(anonymous, 401);
      });
    }
  });
}

function describeAuth(call: Call): void {
  describe('auth', () => {
    it('registers, refuses a duplicate, logs in, and shows the current user without secrets', async () => {
      const { as, email } = await signUp(call);
      const duplicate = await call('POST', '/api/v1/auth/register', {
        body: { email, password: 'another long password' },
      });
      expectProblem(duplicate, 409);

      const login = await call('POST', '/api/v1/auth/login', {
        body: { email, password: 'correct horse battery staple' },
      });
      expect(login.status).toBe(200);
      // Tokens must never be kept by a browser or proxy cache.
      expect(login.headers.get('cache-control')).toMatch(/no-store/);
      expect(login.body).toMatchObject({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
      });

      const me = await call('GET', '/api/v1/users/me', as);
      expect(me.status).toBe(200);
      expect(Object.keys(me.body).sort()).toEqual(['createdAt', 'email', 'id', 'role']);
      expect(me.body).toMatchObject({ email, role: 'user' });
    });

    it('gives the same answer for an unknown email and a wrong password', async () => {
      const { email } = await signUp(call);
      const wrong = await call('POST', '/api/v1/auth/login', {
        body: { email, password: 'wrong password!!' },
      });
      const unknown = await call('POST', '/api/v1/auth/login', {
        body: { email: `nobody-${crypto.randomUUID()}@example.com`, password: 'wrong password!!' },
      });
      expectProblem(wrong, 401);
      expectProblem(unknown, 401);
      expect({ ...wrong.body, requestId: '' }).toEqual({ ...unknown.body, requestId: '' });
    });

    it('401s missing, malformed and forged tokens with WWW-Authenticate', async () => {
      for (const token of [undefined, 'not.a.jwt', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.']) {
        const reply = await call('GET', '/api/v1/users/me', { token });
        expectProblem(reply, 401);
        expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer/);
      }
    });

    it('reads the bearer token as RFC 6750 writes it: any case, 1+ spaces, nothing after', async () => {
      const { as } = await signUp(call);
      for (const authorization of [`bearer ${as.token}`, `Bearer   ${as.token}`]) {
        const reply = await call('GET', '/api/v1/users/me', { headers: { authorization } });
        expect(reply.status, authorization).toBe(200);
      }
      const junk = await call('GET', '/api/v1/users/me', {
        headers: { authorization: `Bearer ${as.token} junk` },
      });
      expectProblem(junk, 401, 'INVALID_TOKEN');
      expect(junk.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    });

    it('403s a signed-in user on the admin-only route', async () => {
      const { as } = await signUp(call);
      expectProblem(await call('GET', '/api/v1/users'), 401);
      expectProblem(await call('GET', '/api/v1/users', as), 403);
    });

    it('rotates refresh tokens and revokes the family when an old one is reused', async () => {
      const { refreshToken } = await signUp(call);
      const first = await call('POST', '/api/v1/auth/refresh', { body: { refreshToken } });
      expect(first.status, first.text).toBe(200);
      expect(first.headers.get('cache-control')).toMatch(/no-store/);
      expect(first.body.refreshToken).not.toBe(refreshToken);

      const reuse = await call('POST', '/api/v1/auth/refresh', { body: { refreshToken } });
      expectProblem(reuse, 401);
      // The reuse revoked the whole family, including the token issued by the rotation.
      const after = await call('POST', '/api/v1/auth/refresh', {
        body: { refreshToken: first.body.refreshToken },
      });
      expectProblem(after, 401);
    });

    it('logs out: the refresh token stops working', async () => {
      const { refreshToken, as } = await signUp(call);
      const logout = await call('POST', '/api/v1/auth/logout', { body: { refreshToken }, ...as });
      expect(logout.status).toBe(204);
      expectProblem(await call('POST', '/api/v1/auth/refresh', { body: { refreshToken } }), 401);
    });
  });
}

/** The same promises with Better Auth's cookie sessions. */
function describeSessionAuth(call: Call): void {
  const auth = 'better-auth';
  describe('auth (cookie sessions)', () => {
    it('signs up, refuses a duplicate, signs in, and shows the current user without secrets', async () => {
      const { as, email } = await signUp(call, auth);
      const duplicate = await call('POST', SIGN_UP[auth], {
        body: { name: 'Again', email, password: 'another long password' },
        headers: { origin: ORIGIN },
      });
      expectProblem(duplicate, 422);

      const signIn = await call('POST', SIGN_IN[auth], {
        body: { email, password: PASSWORD },
        headers: { origin: ORIGIN },
      });
      expect(signIn.status, signIn.text).toBe(200);
      const cookie = signIn.headers.getSetCookie().join('\n');
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(signIn.text).not.toContain(PASSWORD);

      const me = await call('GET', '/api/v1/users/me', as);
      expect(me.status).toBe(200);
      expect(Object.keys(me.body).sort()).toEqual(['createdAt', 'email', 'id', 'role']);
      expect(me.body).toMatchObject({ email, role: 'user' });
    });

    it('gives the same answer for an unknown email and a wrong password', async () => {
      const { email } = await signUp(call, auth);
      const attempt = (address: string) =>
        call('POST', SIGN_IN[auth], {
          body: { email: address, password: 'wrong password!!' },
          headers: { origin: ORIGIN },
        });
      const wrong = await attempt(email);
      const unknown = await attempt(`nobody-${crypto.randomUUID()}@example.com`);
      expectProblem(wrong, 401);
      expectProblem(unknown, 401);
      expect({ ...wrong.body, requestId: '' }).toEqual({ ...unknown.body, requestId: '' });
    });

    it('401s a missing or forged session cookie', async () => {
      for (const cookie of [undefined, 'better-auth.session_token=forged.value']) {
        const reply = await call('GET', '/api/v1/users/me', cookie ? { headers: { cookie } } : {});
        expectProblem(reply, 401);
      }
    });

    it('403s a signed-in user on the admin-only route', async () => {
      const { as } = await signUp(call, auth);
      expectProblem(await call('GET', '/api/v1/users'), 401);
      expectProblem(await call('GET', '/api/v1/users', as), 403);
    });

    it("answers HEAD on Better Auth's routes with a 404 problem, as on any route without GET", async () => {
      // Better Auth's handler answers GET and POST only.
      const reply = await call('HEAD', '/api/v1/auth/get-session');
      expect(reply.status).toBe(404);
      expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(reply.headers.get('x-request-id')).toBeTruthy();
    });

    it('refuses a cookie-carrying request from an untrusted origin (CSRF)', async () => {
      const { as } = await signUp(call, auth);
      const reply = await call('POST', '/api/v1/auth/sign-out', {
        headers: { ...as.headers, origin: 'https://evil.example' },
      });
      expectProblem(reply, 403);
      expect((await call('GET', '/api/v1/users/me', as)).status).toBe(200);
    });

    it('signs out: the session stops working at once', async () => {
      const { as } = await signUp(call, auth);
      const signOut = await call('POST', '/api/v1/auth/sign-out', as);
      expect(signOut.status, signOut.text).toBe(200);
      expectProblem(await call('GET', '/api/v1/users/me', as), 401);
    });
  });
}
