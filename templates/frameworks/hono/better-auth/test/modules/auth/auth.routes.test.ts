import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Problem } from "../../../src/core/problem.js";
import { createTestApp, type TestApp } from "../../helpers/app.js";
import { browser, password, signUp } from "../../helpers/auth.js";
import { bodyOf } from "../../helpers/http.js";
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
    const signedUp = await ada("POST", "/api/v1/auth/sign-up/email", {
      name: "Ada",
      email,
      password,
    });
    expect(signedUp.status).toBe(200);
    const body = await signedUp.text();
    expect(JSON.parse(body).user).toMatchObject({ email, role: "user" });
    expect(body).not.toContain(password);
    const cookie = signedUp.headers.getSetCookie().join("\n");
    expect(cookie).toMatch(/session_token=[^;]+;.*HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(signedUp.headers.get("cache-control")).toBe("no-store");
    expect((await ada("GET", "/api/v1/users/me")).status).toBe(200);

    expect((await ada("POST", "/api/v1/auth/sign-out")).status).toBe(200);
    expect((await ada("GET", "/api/v1/users/me")).status).toBe(401);

    const signedIn = await ada("POST", "/api/v1/auth/sign-in/email", { email, password });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get("cache-control")).toBe("no-store");
    const me = await ada("GET", "/api/v1/users/me");
    expect(me.status).toBe(200);
    expect(Object.keys(await bodyOf(me)).sort()).toEqual(["createdAt", "email", "id", "role"]);
  });

  it("refuses a duplicate email and a short password as problems", async () => {
    const { user } = await signUp(testApp.app);
    const duplicate = await client()("POST", "/api/v1/auth/sign-up/email", {
      name: "Again",
      email: user.email,
      password,
    });
    expect(duplicate.status).toBe(422);
    expect(duplicate.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const problem = await bodyOf<Problem>(duplicate);
    expect(problem).toMatchObject({ status: 422, code: expect.any(String) });
    expect(problem.requestId).toBe(duplicate.headers.get("x-request-id"));

    const short = await client()("POST", "/api/v1/auth/sign-up/email", {
      name: "Short",
      email: `short-${randomUUID()}@example.com`,
      password: "too short",
    });
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ status: 400, code: "PASSWORD_TOO_SHORT" });
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const { user } = await signUp(testApp.app);
    const signIn = (email: string) =>
      client()("POST", "/api/v1/auth/sign-in/email", { email, password: "wrong password!!" });
    const wrong = await signIn(user.email);
    const unknown = await signIn(`nobody-${randomUUID()}@example.com`);
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    const withoutId = async (res: Response) => ({ ...(await bodyOf(res)), requestId: "" });
    expect(await withoutId(wrong)).toEqual(await withoutId(unknown));
  });

  it("answers invalid input with a 400 problem listing the fields", async () => {
    const res = await client()("POST", "/api/v1/auth/sign-in/email", {
      email: `ada-${randomUUID()}@example.com`,
    });
    expect(res.status).toBe(400);
    const problem = await bodyOf<Problem>(res);
    expect(problem).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(problem.errors).toEqual([{ path: "password", message: expect.any(String) }]);
  });

  it("records in the session the client's address, not one the client claims", async () => {
    const claimed = "203.0.113.7";
    const sessionAddress = async (app: TestApp) => {
      const send = browser(app.app);
      const headers = { "X-Forwarded-For": claimed };
      const body = { name: "Ada", email: `ada-${randomUUID()}@example.com`, password };
      expect((await send("POST", "/api/v1/auth/sign-up/email", body, headers)).status).toBe(200);
      const sessions = await send("GET", "/api/v1/auth/list-sessions", undefined, headers);
      return (await bodyOf<{ ipAddress: string }[]>(sessions))[0]?.ipAddress;
    };
    expect(await sessionAddress(testApp)).not.toBe(claimed);
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
      { AUTH_RATE_LIMIT_MAX: "1", RATE_LIMIT_MAX: "4" },
      { database: testApp.database },
    );
    try {
      const send = browser(limited.app);
      const signIn = () =>
        send("POST", "/api/v1/auth/sign-in/email", {
          email: `nobody-${randomUUID()}@example.com`,
          password,
        });
      const getSession = () => send("GET", "/api/v1/auth/get-session");
      expect((await signIn()).status).toBe(401);
      expect((await signIn()).status).toBe(429);
      // The sign-in attempts counted against RATE_LIMIT_MAX too: two requests of four are left.
      expect((await getSession()).status).toBe(200);
      expect((await getSession()).status).toBe(200);
      const res = await getSession();
      expect(res.status).toBe(429);
      expect(await bodyOf<Problem>(res)).toMatchObject({ status: 429, code: "RATE_LIMITED" });
      expect((await signIn()).status).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it("answers an unknown auth route with a 404 problem", async () => {
    const res = await client()("GET", "/api/v1/auth/nope");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ status: 404, code: "NOT_FOUND" });
  });
});

describe("sessions", () => {
  it("lists a user's sessions and revokes one at once", async () => {
    const { user, client: first } = await signUp(testApp.app);
    const second = client();
    const signedIn = await second("POST", "/api/v1/auth/sign-in/email", {
      email: user.email,
      password,
    });
    expect(signedIn.status).toBe(200);
    expect((await second("GET", "/api/v1/users/me")).status).toBe(200);

    const current = await bodyOf<{ session: { token: string } }>(
      await first("GET", "/api/v1/auth/get-session"),
    );
    const sessions = await bodyOf<{ token: string }[]>(
      await first("GET", "/api/v1/auth/list-sessions"),
    );
    expect(sessions).toHaveLength(2);
    const other = sessions.find((session) => session.token !== current.session.token);
    const revoked = await first("POST", "/api/v1/auth/revoke-session", { token: other?.token });
    expect(revoked.status).toBe(200);
    expect((await second("GET", "/api/v1/users/me")).status).toBe(401);
    expect((await first("GET", "/api/v1/users/me")).status).toBe(200);
  });

  it("extends a session in use, and the browser's cookie with it", async () => {
    const { user, client: signedIn } = await signUp(testApp.app);
    const db = testApp.database.db;
    // Signed in six days ago: Better Auth extends a session once a day while it is used.
    await setSessionExpiry(db, user.id, new Date(Date.now() + DAY));
    const res = await signedIn("GET", "/api/v1/users/me");
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().join("\n")).toMatch(/session_token=[^;]+;.*Max-Age=604800/i);
    expect((await sessionExpiry(db, user.id))?.getTime()).toBeGreaterThan(Date.now() + 6 * DAY);
  });

  it("clears the cookie of an expired session", async () => {
    const { user, client: signedIn } = await signUp(testApp.app);
    await setSessionExpiry(testApp.database.db, user.id, new Date(Date.now() - 1000));
    const res = await signedIn("GET", "/api/v1/users/me");
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie().join("\n")).toMatch(/session_token=;.*Max-Age=0/i);
  });

  it("refuses a cookie-carrying request from an untrusted origin (CSRF)", async () => {
    const { client: signedIn } = await signUp(testApp.app);
    const res = await signedIn("POST", "/api/v1/auth/revoke-other-sessions", undefined, {
      Origin: "https://evil.example",
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ status: 403, code: "INVALID_ORIGIN" });
  });

  it("lets a browser app on a CORS origin send its session cookie", async () => {
    const origin = "https://app.example.com";
    const cors = await createTestApp({ CORS_ORIGINS: origin }, { database: testApp.database });
    try {
      const preflight = await cors.app.request("/api/v1/auth/sign-in/email", {
        method: "OPTIONS",
        headers: { Origin: origin, "Access-Control-Request-Method": "POST" },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("access-control-allow-origin")).toBe(origin);
      expect(preflight.headers.get("access-control-allow-credentials")).toBe("true");
    } finally {
      await cors.close();
    }
  });
});

describe("OpenAPI", () => {
  it("lists Better Auth's routes under /api/v1/auth, answering problems", async () => {
    const document = await bodyOf<{
      paths: Record<string, Record<string, { security: unknown; responses: object }>>;
      components: { securitySchemes: Record<string, object> };
    }>(await testApp.app.request("/openapi.json"));
    const signIn = document.paths["/api/v1/auth/sign-in/email"]?.post;
    expect(signIn?.security).toEqual([]);
    expect(Object.keys(signIn?.responses ?? {})).toEqual(expect.arrayContaining(["400", "429"]));
    expect(document.components.securitySchemes.cookieAuth).toMatchObject({ in: "cookie" });
  });
});
