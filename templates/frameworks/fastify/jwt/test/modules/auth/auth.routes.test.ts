import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../helpers/app.js";
import { password, signUp } from "../../helpers/auth.js";

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp();
});

afterAll(() => testApp.close());

const post = (url: string, payload: object, app = testApp) =>
  app.app.inject({ method: "POST", url: `/api/v1/auth${url}`, payload });

describe("/api/v1/auth", () => {
  it("registers, signs in, refreshes with rotation and signs out", async () => {
    const email = "Flow@Example.com";
    const registered = await post("/register", { email, password });
    expect(registered.statusCode).toBe(201);
    expect(registered.json()).toEqual({
      user: {
        id: expect.any(String),
        email: "flow@example.com",
        role: "user",
        createdAt: expect.any(String),
      },
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
    });

    const login = await post("/login", { email, password });
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toEqual(registered.json().user);

    const me = await testApp.app.inject({
      method: "GET",
      url: "/api/v1/users/me",
      headers: { authorization: `Bearer ${login.json().accessToken}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual(registered.json().user);

    const refreshed = await post("/refresh", { refreshToken: login.json().refreshToken });
    expect(refreshed.statusCode).toBe(200);
    for (const tokens of [registered, login, refreshed]) {
      expect(tokens.headers["cache-control"]).toBe("no-store");
    }
    expect(Object.keys(refreshed.json()).sort()).toEqual(["accessToken", "refreshToken"]);

    const { refreshToken } = refreshed.json();
    expect((await post("/logout", { refreshToken })).statusCode).toBe(204);
    expect((await post("/refresh", { refreshToken })).statusCode).toBe(401);
  });

  it("detects reuse of a rotated refresh token and revokes the family", async () => {
    const { refreshToken } = await signUp(testApp.app);
    const rotated = await post("/refresh", { refreshToken });
    expect(rotated.statusCode).toBe(200);

    const reuse = await post("/refresh", { refreshToken });
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json()).toMatchObject({ code: "INVALID_REFRESH_TOKEN" });
    const after = await post("/refresh", { refreshToken: rotated.json().refreshToken });
    expect(after.statusCode).toBe(401);
  });

  it("answers a duplicate email with 409", async () => {
    const { user } = await signUp(testApp.app);
    const res = await post("/register", { email: user.email, password });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ status: 409, code: "EMAIL_TAKEN" });
  });

  it("enforces the password policy", async () => {
    const res = await post("/register", { email: "short@example.com", password: "short" });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: "password", message: expect.any(String) }]);
  });

  it("answers an unknown email and a wrong password the same way", async () => {
    const { user } = await signUp(testApp.app);
    const unknown = await post("/login", { email: "nobody@example.com", password });
    const wrong = await post("/login", { email: user.email, password: "not the password" });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(unknown.headers["www-authenticate"]).toBe("Bearer");
  });

  it("rate limits sign-in attempts separately", async () => {
    const limited = await createTestApp(
      { AUTH_RATE_LIMIT_MAX: "1" },
      { database: testApp.database },
    );
    try {
      const attempt = () => post("/login", { email: "a@example.com", password }, limited);
      expect((await attempt()).statusCode).toBe(401);
      const res = await attempt();
      expect(res.statusCode).toBe(429);
      expect(res.headers["retry-after"]).toBeDefined();
      expect(res.json()).toMatchObject({ status: 429, code: "RATE_LIMITED" });
      const elsewhere = await limited.app.inject({ method: "GET", url: "/api/v1" });
      expect(elsewhere.statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
