import { randomUUID } from "node:crypto";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../helpers/app.js";
import { origin, password, signUp } from "../../helpers/auth.js";
import { DAY, sessionExpiry, setSessionExpiry } from "../../helpers/sessions.js";

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp();
});

afterAll(() => testApp.close());

const client = () => request.agent(testApp.server).set("Origin", origin);

describe("email and password", () => {
  it("signs up, signs out and signs in again, with an HttpOnly SameSite=Lax session cookie, never cached", async () => {
    const email = `ada-${randomUUID()}@example.com`;
    const agent = client();
    const signedUp = await agent
      .post("/api/v1/auth/sign-up/email")
      .send({ name: "Ada", email, password })
      .expect(200);
    expect(signedUp.body.user).toMatchObject({ email, role: "user" });
    expect(JSON.stringify(signedUp.body)).not.toContain(password);
    const cookie = String(signedUp.headers["set-cookie"]);
    expect(cookie).toMatch(/session_token=[^;]+;.*HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(signedUp.headers["cache-control"]).toBe("no-store");
    await agent.get("/api/v1/users/me").expect(200);

    await agent.post("/api/v1/auth/sign-out").expect(200);
    await agent.get("/api/v1/users/me").expect(401);

    await agent
      .post("/api/v1/auth/sign-in/email")
      .send({ email, password })
      .expect(200)
      .expect("cache-control", "no-store");
    const me = await agent.get("/api/v1/users/me").expect(200);
    expect(Object.keys(me.body).sort()).toEqual(["createdAt", "email", "id", "role"]);
  });

  it("refuses a duplicate email and a short password as problems", async () => {
    const { user } = await signUp(testApp.server);
    const duplicate = await client()
      .post("/api/v1/auth/sign-up/email")
      .send({ name: "Again", email: user.email, password })
      .expect(422);
    expect(duplicate.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(duplicate.body).toMatchObject({ status: 422, code: expect.any(String) });
    expect(duplicate.body.requestId).toBe(duplicate.headers["x-request-id"]);

    const short = await client()
      .post("/api/v1/auth/sign-up/email")
      .send({ name: "Short", email: `short-${randomUUID()}@example.com`, password: "too short" })
      .expect(400);
    expect(short.body).toMatchObject({ status: 400, code: "PASSWORD_TOO_SHORT" });
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const { user } = await signUp(testApp.server);
    const wrong = await client()
      .post("/api/v1/auth/sign-in/email")
      .send({ email: user.email, password: "wrong password!!" })
      .expect(401);
    const unknown = await client()
      .post("/api/v1/auth/sign-in/email")
      .send({ email: `nobody-${randomUUID()}@example.com`, password: "wrong password!!" })
      .expect(401);
    expect({ ...wrong.body, requestId: "" }).toEqual({ ...unknown.body, requestId: "" });
  });

  it("answers invalid input with a 400 problem listing the fields", async () => {
    const res = await client()
      .post("/api/v1/auth/sign-in/email")
      .send({ email: `ada-${randomUUID()}@example.com` })
      .expect(400);
    expect(res.body).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(res.body.errors).toEqual([{ path: "password", message: expect.any(String) }]);
  });

  it("answers an unknown auth route with a 404 problem", async () => {
    const res = await client().get("/api/v1/auth/nope").expect(404);
    expect(res.body).toMatchObject({ status: 404, code: "NOT_FOUND" });
  });
});

describe("sessions", () => {
  it("lists a user's sessions and revokes one at once", async () => {
    const { user, client: first } = await signUp(testApp.server);
    const second = client();
    await second
      .post("/api/v1/auth/sign-in/email")
      .send({ email: user.email, password })
      .expect(200);
    await second.get("/api/v1/users/me").expect(200);

    const current = await first.get("/api/v1/auth/get-session").expect(200);
    const sessions = await first.get("/api/v1/auth/list-sessions").expect(200);
    expect(sessions.body).toHaveLength(2);
    const other = sessions.body.find(
      (session: { token: string }) => session.token !== current.body.session.token,
    );
    await first.post("/api/v1/auth/revoke-session").send({ token: other.token }).expect(200);
    await second.get("/api/v1/users/me").expect(401);
    await first.get("/api/v1/users/me").expect(200);
  });

  it("extends a session in use, and the browser's cookie with it", async () => {
    const { user, client: signedIn } = await signUp(testApp.server);
    const db = testApp.database.db;
    // Signed in six days ago: Better Auth extends a session once a day while it is used.
    await setSessionExpiry(db, user.id, new Date(Date.now() + DAY));
    const res = await signedIn.get("/api/v1/users/me").expect(200);
    expect(String(res.headers["set-cookie"])).toMatch(/session_token=[^;]+;.*Max-Age=604800/i);
    expect((await sessionExpiry(db, user.id))?.getTime()).toBeGreaterThan(Date.now() + 6 * DAY);
  });

  it("clears the cookie of an expired session", async () => {
    const { user, client: signedIn } = await signUp(testApp.server);
    await setSessionExpiry(testApp.database.db, user.id, new Date(Date.now() - 1000));
    const res = await signedIn.get("/api/v1/users/me").expect(401);
    expect(String(res.headers["set-cookie"])).toMatch(/session_token=;.*Max-Age=0/i);
  });

  it("refuses a cookie-carrying request from an untrusted origin (CSRF)", async () => {
    const { client: signedIn } = await signUp(testApp.server);
    const res = await signedIn
      .post("/api/v1/auth/revoke-other-sessions")
      .set("Origin", "https://evil.example")
      .expect(403);
    expect(res.body).toMatchObject({ status: 403, code: "INVALID_ORIGIN" });
  });
});

describe("behind the API's own limits", () => {
  it("rate limits /api/v1/auth/* with AUTH_RATE_LIMIT_MAX, apart from other routes", async () => {
    const limited = await createTestApp(
      { AUTH_RATE_LIMIT_MAX: "1" },
      { database: testApp.database },
    );
    try {
      const attempt = () =>
        request(limited.server)
          .post("/api/v1/auth/sign-in/email")
          .set("Origin", origin)
          .send({ email: `nobody-${randomUUID()}@example.com`, password });
      await attempt().expect(401);
      const res = await attempt().expect(429);
      expect(res.headers["retry-after"]).toMatch(/^\d+$/);
      expect(res.body).toMatchObject({ status: 429, code: "RATE_LIMITED" });
      await request(limited.server).get("/api/v1").expect(200);
    } finally {
      await limited.close();
    }
  });

  it("reads the session under RATE_LIMIT_MAX, not AUTH_RATE_LIMIT_MAX", async () => {
    const limited = await createTestApp(
      { AUTH_RATE_LIMIT_MAX: "1", RATE_LIMIT_MAX: "4" },
      { database: testApp.database },
    );
    try {
      const signIn = () =>
        request(limited.server)
          .post("/api/v1/auth/sign-in/email")
          .set("Origin", origin)
          .send({ email: `nobody-${randomUUID()}@example.com`, password });
      const getSession = () => request(limited.server).get("/api/v1/auth/get-session");
      await signIn().expect(401);
      await signIn().expect(429);
      // The sign-in attempts counted against RATE_LIMIT_MAX too: two requests of four are left.
      await getSession().expect(200);
      await getSession().expect(200);
      const res = await getSession().expect(429);
      expect(res.body).toMatchObject({ status: 429, code: "RATE_LIMITED" });
      await signIn().expect(429);
    } finally {
      await limited.close();
    }
  });

  it("answers malformed JSON and an oversized body itself, before Better Auth", async () => {
    const malformed = await client()
      .post("/api/v1/auth/sign-in/email")
      .set("Content-Type", "application/json")
      .send('{"email": ')
      .expect(400);
    expect(malformed.body).toMatchObject({ status: 400, code: "MALFORMED_JSON" });
    const large = await client()
      .post("/api/v1/auth/sign-up/email")
      .send({ name: "x".repeat(200_000), email: "large@example.com", password })
      .expect(413);
    expect(large.body).toMatchObject({ status: 413, code: "PAYLOAD_TOO_LARGE" });
  });

  it("refuses a body that is not JSON unread, and a Host header it cannot use", async () => {
    const form = await client()
      .post("/api/v1/auth/sign-in/email")
      .type("form")
      .send({ email: "ada@example.com", password: "x".repeat(200_000) })
      .expect(415);
    expect(form.body).toMatchObject({ status: 415, code: "UNSUPPORTED_MEDIA_TYPE" });
    const host = await client().get("/api/v1/auth/get-session").set("Host", "exa mple").expect(400);
    expect(host.body).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(host.body.requestId).toBe(host.headers["x-request-id"]);
  });

  it("records in the session the client's address, not one the client claims", async () => {
    const claimed = "203.0.113.7";
    const sessionAddress = async (app: TestApp) => {
      const agent = request.agent(app.server).set("Origin", origin).set("X-Forwarded-For", claimed);
      await agent
        .post("/api/v1/auth/sign-up/email")
        .send({ name: "Ada", email: `ada-${randomUUID()}@example.com`, password })
        .expect(200);
      const sessions = await agent.get("/api/v1/auth/list-sessions").expect(200);
      return sessions.body[0].ipAddress;
    };
    expect(await sessionAddress(testApp)).toMatch(/127\.0\.0\.1$/);
    // Behind one proxy (TRUST_PROXY=1) the address it forwarded is the client's.
    const proxied = await createTestApp({ TRUST_PROXY: "1" }, { database: testApp.database });
    try {
      expect(await sessionAddress(proxied)).toBe(claimed);
    } finally {
      await proxied.close();
    }
  });

  it("lets a browser app on a CORS origin send its session cookie", async () => {
    const app = "https://app.example.com";
    const cors = await createTestApp({ CORS_ORIGINS: app }, { database: testApp.database });
    try {
      const preflight = await request(cors.server)
        .options("/api/v1/auth/sign-in/email")
        .set("Origin", app)
        .set("Access-Control-Request-Method", "POST")
        .expect(204);
      expect(preflight.headers["access-control-allow-origin"]).toBe(app);
      expect(preflight.headers["access-control-allow-credentials"]).toBe("true");
      const browser = request.agent(cors.server).set("Origin", app);
      await browser
        .post("/api/v1/auth/sign-up/email")
        .send({ name: "Spa", email: `spa-${randomUUID()}@example.com`, password })
        .expect(200);
      // The cookie-carrying request passes Better Auth's origin check too.
      await browser.post("/api/v1/auth/sign-out").expect(200);
    } finally {
      await cors.close();
    }
  });
});

describe("OpenAPI", () => {
  it("lists Better Auth's routes under /api/v1/auth, answering problems", async () => {
    const { body } = await request(testApp.server).get("/openapi.json").expect(200);
    const signIn = body.paths["/api/v1/auth/sign-in/email"].post;
    expect(signIn.security).toEqual([]);
    expect(Object.keys(signIn.responses)).toEqual(expect.arrayContaining(["400", "429"]));
    expect(body.components.securitySchemes.cookieAuth).toMatchObject({ in: "cookie" });
  });
});
