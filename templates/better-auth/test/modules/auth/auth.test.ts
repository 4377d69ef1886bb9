import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseConnection } from "../../../src/db/client.js";
import { type Auth, createAuth } from "../../../src/modules/auth/auth.js";
import { authResponse } from "../../../src/modules/auth/auth-response.js";
import type { Message } from "../../../src/modules/email/mailer.js";
import { testConfig } from "../../helpers/config.js";
import { createTestDatabase } from "../../helpers/database.js";
import { captureLogs } from "../../helpers/logs.js";
import { totpCode } from "../../helpers/totp.js";

const config = testConfig();
const origin = new URL(config.BETTER_AUTH_URL).origin;
const logger = { debug() {}, info() {}, warn() {}, error() {} };

let database: DatabaseConnection;
let auth: Auth;
const sent: Message[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  auth = createAuth({
    config,
    db: database.db,
    mailer: { send: async (message) => void sent.push(message) },
    logger,
  });
});

afterAll(() => database.close());

/** The `Cookie` header a browser would send after this answer. */
const cookieFrom = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((value) => value.split(";")[0])
    .join("; ");

/** Better Auth's answer to a JSON POST, as the HTTP layer hands it over. */
function post(path: string, body: object, cookie?: string) {
  const headers = new Headers({ "content-type": "application/json", origin });
  if (cookie) headers.set("cookie", cookie);
  const request = new Request(`${origin}/api/v1/auth${path}`, {
    method: "POST",
    headers,
    body: JSON.stringify(body),
  });
  return authResponse(auth, request, { id: "test-request", log: logger });
}

describe("a user's name and image", () => {
  const password = "correct horse battery staple";

  it("refuse text the database cannot keep as sent, with a 400 problem naming the field", async () => {
    const signUp = await post("/sign-up/email", {
      email: `nul-${crypto.randomUUID()}@example.com`,
      password,
      name: "Ada\u0000Lovelace",
    });
    expect(signUp.status).toBe(400);
    expect(await signUp.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      errors: [{ path: "name", message: expect.stringMatching(/NUL/) }],
    });

    const signedUp = await post("/sign-up/email", {
      email: `ada-${crypto.randomUUID()}@example.com`,
      password,
      name: "Ada",
    });
    expect(signedUp.status).toBe(200);
    const cookie = cookieFrom(signedUp);
    for (const changes of [
      { name: "Ada\u0000" },
      { image: "https://example.com/\ud800" },
      { name: "A".repeat(256) },
      { image: `https://example.com/${"a".repeat(2048)}` },
    ]) {
      const updated = await post("/update-user", changes, cookie);
      expect(updated.status).toBe(400);
      const [field] = Object.keys(changes);
      expect(await updated.json()).toMatchObject({ errors: [{ path: field }] });
    }
    expect((await post("/update-user", { name: "A".repeat(255) }, cookie)).status).toBe(200);
  });
});

describe("the email verification link", () => {
  const password = "correct horse battery staple";

  /** A user with two-factor on and the address not yet verified: the link, and its session. */
  async function enrolled() {
    const email = `two-factor-${crypto.randomUUID()}@example.com`;
    const signedUp = await post("/sign-up/email", { email, password, name: "Ada" });
    const enabled = await post("/two-factor/enable", { password }, cookieFrom(signedUp));
    const { totpURI } = (await enabled.json()) as { totpURI: string };
    const code = totpCode(totpURI);
    const confirmed = await post("/two-factor/verify-totp", { code }, cookieFrom(signedUp));
    expect(confirmed.status).toBe(200);
    const link = sent.findLast((message) => message.to === email)?.text.match(/http\S+/)?.[0];
    return { email, link: String(link), cookie: cookieFrom(confirmed) };
  }

  const open = (link: string, cookie?: string) =>
    authResponse(auth, new Request(link, { headers: cookie ? { cookie } : {} }), {
      id: "test-request",
      log: logger,
    });
  const sessionOf = (cookie: string) => auth.api.getSession({ headers: new Headers({ cookie }) });

  it("verifies the address but signs no one in whose account has two-factor on", async () => {
    const { email, link } = await enrolled();
    const opened = await open(link);
    expect(opened.status).toBeLessThan(400);
    expect(await sessionOf(cookieFrom(opened))).toBeNull();
    const signedIn = await post("/sign-in/email", { email, password });
    expect(await signedIn.json()).toMatchObject({ twoFactorRedirect: true });
  });

  it("leaves the session of a browser where that user is signed in", async () => {
    const { email, link, cookie } = await enrolled();
    expect((await open(link, cookie)).status).toBeLessThan(400);
    expect(await sessionOf(cookie)).toMatchObject({ user: { email, emailVerified: true } });
  });
});

describe("what Better Auth logs", () => {
  const password = "correct horse battery staple";

  /** A JSON POST from `from` as request `req-1`, whose logger writes into `lines`. */
  function logged(path: string, body: object, from = origin) {
    const { lines, logger: appLogger } = captureLogs("debug");
    const request = new Request(`${origin}/api/v1/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: from },
      body: JSON.stringify(body),
    });
    const log = appLogger.child({ reqId: "req-1" });
    return { lines, response: authResponse(auth, request, { id: "req-1", log }) };
  }

  it("logs a client's mistakes on the request's logger, below error", async () => {
    const email = `logs-${crypto.randomUUID()}@example.com`;
    expect((await post("/sign-up/email", { email, password, name: "Ada" })).status).toBe(200);
    for (const from of [origin, "https://elsewhere.example"]) {
      const { lines, response } = logged("/sign-in/email", { email, password: "wrong!" }, from);
      expect((await response).status).toBeGreaterThanOrEqual(400);
      expect(lines).toContainEqual(expect.objectContaining({ level: 40, reqId: "req-1" }));
      const others = lines.filter((line) => line.reqId !== "req-1" || Number(line.level) >= 50);
      expect(others).toEqual([]);
    }
  });

  it("keeps the address of a sign-up for an existing account out of the log", async () => {
    const email = `taken-${crypto.randomUUID()}@example.com`;
    expect((await post("/sign-up/email", { email, password, name: "Ada" })).status).toBe(200);
    const { lines, response } = logged("/sign-up/email", { email, password, name: "Ada" });
    expect((await response).status).toBe(422);
    const message = "Sign-up attempt for existing email: [redacted]";
    expect(lines).toContainEqual(expect.objectContaining({ reqId: "req-1", msg: message }));
    expect(JSON.stringify(lines)).not.toContain(email);
  });

  it("keeps the state an OAuth callback was sent out of the log", async () => {
    const { lines, logger: appLogger } = captureLogs("debug");
    const request = new Request(`${origin}/api/v1/auth/callback/github?code=c0de&state=s3cret`);
    const log = appLogger.child({ reqId: "req-1" });
    expect((await authResponse(auth, request, { id: "req-1", log })).ok).toBe(false);
    const err = expect.objectContaining({ details: { state: "[redacted]" } });
    expect(lines).toContainEqual(expect.objectContaining({ reqId: "req-1", err }));
    expect(JSON.stringify(lines)).not.toContain("s3cret");
  });

  it("logs a failure of the database as an error of the request, answered as one", async () => {
    vi.spyOn(database.db, "insert").mockImplementationOnce(() => {
      throw new Error("connection lost");
    });
    const email = `fault-${crypto.randomUUID()}@example.com`;
    const { lines, response } = logged("/sign-up/email", { email, password, name: "Ada" });
    // Better Auth itself answers 422 FAILED_TO_CREATE_USER: the client did nothing wrong.
    const answer = await response;
    expect(answer.status).toBe(500);
    expect(await answer.json()).toMatchObject({ code: "INTERNAL_ERROR", requestId: "req-1" });
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 50, reqId: "req-1", err: expect.any(Object) }),
    );
  });
});

describe("the origins a browser page may call from", () => {
  const signIn = (app: Auth, from: string) =>
    authResponse(
      app,
      new Request("http://localhost:3000/api/v1/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: from },
        body: JSON.stringify({ email: "nobody@example.com", password: "not the password" }),
      }),
      { id: "test-request", log: logger },
    );
  const authAt = (url: string) =>
    createAuth({ config: { ...config, BETTER_AUTH_URL: url }, db: database.db, mailer, logger });
  const mailer = { send: async () => undefined };

  it("are BETTER_AUTH_URL's and, when that is a loopback URL, its other loopback names", async () => {
    const local = authAt("http://localhost:3000");
    for (const from of ["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000"]) {
      // 401: refused for the credentials, not for the origin.
      expect((await signIn(local, from)).status, from).toBe(401);
    }
    expect((await signIn(local, "http://127.0.0.1:4000")).status).toBe(403);
    expect((await signIn(authAt("https://api.example.com"), "http://localhost:3000")).status).toBe(
      403,
    );
  });
});
