import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../helpers/app.js";
import { browser, password, signUp } from "../../helpers/auth.js";
import { DAY, sessionExpiry, setSessionExpiry } from "../../helpers/sessions.js";

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp();
});

afterAll(() => testApp.close());

const client = () => browser(testApp.app);

describe("email and password", () => {
  it("signs up, signs out and signs in again, with an HttpOnly SameSite=Lax session cookie, never cached", async () => {
    const email = `ada-${randomUUID()}@example.com`;
    const ada = client();
    const signedUp = await ada({
      method: "POST",
      url: "/api/v1/auth/sign-up/email",
      payload: { name: "Ada", email, password },
    });
    expect(signedUp.statusCode).toBe(200);
    expect(signedUp.json().user).toMatchObject({ email, role: "user" });
    expect(signedUp.body).not.toContain(password);
    const cookie = String(signedUp.headers["set-cookie"]);
    expect(cookie).toMatch(/session_token=[^;]+;.*HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(signedUp.headers["cache-control"]).toBe("no-store");
    expect((await ada({ method: "GET", url: "/api/v1/users/me" })).statusCode).toBe(200);

    expect((await ada({ method: "POST", url: "/api/v1/auth/sign-out" })).statusCode).toBe(200);
    expect((await ada({ method: "GET", url: "/api/v1/users/me" })).statusCode).toBe(401);

    const signedIn = await ada({
      method: "POST",
      url: "/api/v1/auth/sign-in/email",
      payload: { email, password },
    });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.headers["cache-control"]).toBe("no-store");
    const me = await ada({ method: "GET", url: "/api/v1/users/me" });
    expect(me.statusCode).toBe(200);
    expect(Object.keys(me.json()).sort()).toEqual(["createdAt", "email", "id", "role"]);
  });

  it("refuses a duplicate email and a short password as problems", async () => {
    const { user } = await signUp(testApp.app);
    const duplicate = await client()({
      method: "POST",
      url: "/api/v1/auth/sign-up/email",
      payload: { name: "Again", email: user.email, password },
    });
    expect(duplicate.statusCode).toBe(422);
    expect(duplicate.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(duplicate.json()).toMatchObject({ status: 422, code: expect.any(String) });
    expect(duplicate.json().requestId).toBe(duplicate.headers["x-request-id"]);

    const short = await client()({
      method: "POST",
      url: "/api/v1/auth/sign-up/email",
      payload: { name: "Short", email: `short-${randomUUID()}@example.com`, password: "too short" },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ status: 400, code: "PASSWORD_TOO_SHORT" });
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const { user } = await signUp(testApp.app);
    const signIn = (email: string) =>
      client()({
        method: "POST",
        url: "/api/v1/auth/sign-in/email",
        payload: { email, password: "wrong password!!" },
      });
    const wrong = await signIn(user.email);
    const unknown = await signIn(`nobody-${randomUUID()}@example.com`);
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect({ ...wrong.json(), requestId: "" }).toEqual({ ...unknown.json(), requestId: "" });
  });

  it("answers invalid input with a 400 problem listing the fields", async () => {
    const res = await client()({
      method: "POST",
      url: "/api/v1/auth/sign-in/email",
      payload: { email: `ada-${randomUUID()}@example.com` },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(res.json().errors).toEqual([{ path: "password", message: expect.any(String) }]);
  });

  it("reads bodies as every route does: malformed JSON, other media types, the size limit", async () => {
    const post = (payload: string, contentType = "application/json") =>
      client()({
        method: "POST",
        url: "/api/v1/auth/sign-in/email",
        headers: { "content-type": contentType },
        payload,
      });
    expect((await post('{"email": ')).json()).toMatchObject({ code: "MALFORMED_JSON" });
    expect((await post("email=a@example.com", "text/plain")).statusCode).toBe(415);
    const limited = await createTestApp({ BODY_LIMIT: "1024" });
    try {
      const large = await limited.app.inject({
        method: "POST",
        url: "/api/v1/auth/sign-in/email",
        payload: { email: "a@example.com", password: "x".repeat(2048) },
      });
      expect(large.json()).toMatchObject({ status: 413, code: "PAYLOAD_TOO_LARGE" });
    } finally {
      await limited.close();
    }
  });

  it("records in the session the client's address, not one the client claims", async () => {
    const claimed = "203.0.113.7";
    const sessionAddress = async (app: TestApp) => {
      const send = browser(app.app);
      const headers = { "x-forwarded-for": claimed };
      const signedUp = await send({
        method: "POST",
        url: "/api/v1/auth/sign-up/email",
        headers,
        payload: { name: "Ada", email: `ada-${randomUUID()}@example.com`, password },
      });
      expect(signedUp.statusCode, signedUp.body).toBe(200);
      const sessions = await send({ method: "GET", url: "/api/v1/auth/list-sessions", headers });
      return sessions.json()[0].ipAddress;
    };
    expect(await sessionAddress(testApp)).toBe("127.0.0.1");
    // Behind one proxy (TRUST_PROXY=1) the address it forwarded is the client's.
    const proxied = await createTestApp({ TRUST_PROXY: "1" }, { database: testApp.database });
    try {
      expect(await sessionAddress(proxied)).toBe(claimed);
    } finally {
      await proxied.close();
    }
  });

  it("reads the session under RATE_LIMIT_MAX, not AUTH_RATE_LIMIT_MAX", async () => {
    const limited = await createTestApp(
      { AUTH_RATE_LIMIT_MAX: "1", RATE_LIMIT_MAX: "2" },
      { database: testApp.database },
    );
    try {
      const send = browser(limited.app);
      const signIn = () =>
        send({
          method: "POST",
          url: "/api/v1/auth/sign-in/email",
          payload: { email: `nobody-${randomUUID()}@example.com`, password },
        });
      const getSession = () => send({ method: "GET", url: "/api/v1/auth/get-session" });
      expect((await signIn()).statusCode).toBe(401);
      expect((await signIn()).statusCode).toBe(429);
      // The other auth routes count against AUTH_RATE_LIMIT_MAX alone: two requests are left.
      expect((await getSession()).statusCode).toBe(200);
      expect((await getSession()).statusCode).toBe(200);
      const res = await getSession();
      expect(res.statusCode).toBe(429);
      expect(res.json()).toMatchObject({ status: 429, code: "RATE_LIMITED" });
      expect((await signIn()).statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it("answers an unknown auth route with a 404 problem", async () => {
    const res = await client()({ method: "GET", url: "/api/v1/auth/nope" });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ status: 404, code: "NOT_FOUND" });
  });

  it("answers whatever the Host header says: the URL Better Auth reads is on BETTER_AUTH_URL", async () => {
    for (const host of ["a b", "evil.example:1"]) {
      const session = await testApp.app.inject({
        method: "GET",
        url: "/api/v1/auth/get-session",
        headers: { host },
      });
      expect(session.statusCode).toBe(200);
      expect(session.json()).toBeNull();
      const signIn = await testApp.app.inject({
        method: "POST",
        url: "/api/v1/auth/sign-in/email",
        headers: { host },
        payload: { email: `nobody-${randomUUID()}@example.com`, password },
      });
      expect(signIn.statusCode).toBe(401);
    }
  });
});

describe("sessions", () => {
  it("lists a user's sessions and revokes one at once", async () => {
    const { user, client: first } = await signUp(testApp.app);
    const second = client();
    const signedIn = await second({
      method: "POST",
      url: "/api/v1/auth/sign-in/email",
      payload: { email: user.email, password },
    });
    expect(signedIn.statusCode).toBe(200);
    expect((await second({ method: "GET", url: "/api/v1/users/me" })).statusCode).toBe(200);

    const current = await first({ method: "GET", url: "/api/v1/auth/get-session" });
    const sessions = await first({ method: "GET", url: "/api/v1/auth/list-sessions" });
    expect(sessions.json()).toHaveLength(2);
    const other = sessions
      .json<{ token: string }[]>()
      .find((session) => session.token !== current.json().session.token);
    const revoked = await first({
      method: "POST",
      url: "/api/v1/auth/revoke-session",
      payload: { token: other?.token },
    });
    expect(revoked.statusCode).toBe(200);
    expect((await second({ method: "GET", url: "/api/v1/users/me" })).statusCode).toBe(401);
    expect((await first({ method: "GET", url: "/api/v1/users/me" })).statusCode).toBe(200);
  });

  it("extends a session in use, and the browser's cookie with it", async () => {
    const { user, client: signedIn } = await signUp(testApp.app);
    const db = testApp.database.db;
    // Signed in six days ago: Better Auth extends a session once a day while it is used.
    await setSessionExpiry(db, user.id, new Date(Date.now() + DAY));
    const res = await signedIn({ method: "GET", url: "/api/v1/users/me" });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers["set-cookie"])).toMatch(/session_token=[^;]+;.*Max-Age=604800/i);
    expect((await sessionExpiry(db, user.id))?.getTime()).toBeGreaterThan(Date.now() + 6 * DAY);
  });

  it("clears the cookie of an expired session", async () => {
    const { user, client: signedIn } = await signUp(testApp.app);
    await setSessionExpiry(testApp.database.db, user.id, new Date(Date.now() - 1000));
    const res = await signedIn({ method: "GET", url: "/api/v1/users/me" });
    expect(res.statusCode).toBe(401);
    expect(String(res.headers["set-cookie"])).toMatch(/session_token=;.*Max-Age=0/i);
  });

  it("refuses a cookie-carrying request from an untrusted origin (CSRF)", async () => {
    const { client: signedIn } = await signUp(testApp.app);
    const res = await signedIn({
      method: "POST",
      url: "/api/v1/auth/revoke-other-sessions",
      headers: { origin: "https://evil.example" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ status: 403, code: "INVALID_ORIGIN" });
  });

  it("lets a browser app on a CORS origin send its session cookie", async () => {
    const origin = "https://app.example.com";
    const cors = await createTestApp({ CORS_ORIGINS: origin }, { database: testApp.database });
    try {
      const preflight = await cors.app.inject({
        method: "OPTIONS",
        url: "/api/v1/auth/sign-in/email",
        headers: { origin, "access-control-request-method": "POST" },
      });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers["access-control-allow-origin"]).toBe(origin);
      expect(preflight.headers["access-control-allow-credentials"]).toBe("true");
    } finally {
      await cors.close();
    }
  });
});

describe("OpenAPI", () => {
  it("lists Better Auth's routes under /api/v1/auth, answering problems", async () => {
    const document = (await testApp.app.inject({ method: "GET", url: "/openapi.json" })).json();
    const signIn = document.paths["/api/v1/auth/sign-in/email"].post;
    expect(signIn.security).toEqual([]);
    expect(Object.keys(signIn.responses)).toEqual(expect.arrayContaining(["400", "429"]));
    expect(document.components.securitySchemes.cookieAuth).toMatchObject({ in: "cookie" });
    expect(document.paths["/api/v1/auth/*"]).toBeUndefined();
  });
});
