import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Problem } from "../../../src/core/problem.js";
import { createTestApp, type TestApp } from "../../helpers/app.js";
import { password, type SignedUp, signUp } from "../../helpers/auth.js";
import { bodyOf, type Client, clientFor } from "../../helpers/http.js";

let testApp: TestApp;
let client: Client;

beforeAll(async () => {
  testApp = await createTestApp();
  client = clientFor(testApp.app);
});

afterAll(() => testApp.close());

describe("/api/v1/auth", () => {
  it("registers, signs in, refreshes with rotation and signs out", async () => {
    const email = "Flow@Example.com";
    const registered = await client("POST", "/api/v1/auth/register", { email, password });
    expect(registered.status).toBe(201);
    const session = await bodyOf<SignedUp>(registered);
    expect(session).toEqual({
      user: {
        id: expect.any(String),
        email: "flow@example.com",
        role: "user",
        createdAt: expect.any(String),
      },
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
    });

    const login = await client("POST", "/api/v1/auth/login", { email, password });
    expect(login.status).toBe(200);
    const signedIn = await bodyOf<SignedUp>(login);
    expect(signedIn.user).toEqual(session.user);

    const me = await clientFor(testApp.app, signedIn.accessToken)("GET", "/api/v1/users/me");
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual(session.user);

    const refreshed = await client("POST", "/api/v1/auth/refresh", {
      refreshToken: signedIn.refreshToken,
    });
    expect(refreshed.status).toBe(200);
    for (const res of [registered, login, refreshed]) {
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
    const tokens = await bodyOf<SignedUp>(refreshed);
    expect(Object.keys(tokens).sort()).toEqual(["accessToken", "refreshToken"]);

    const logout = await client("POST", "/api/v1/auth/logout", {
      refreshToken: tokens.refreshToken,
    });
    expect(logout.status).toBe(204);
    const after = await client("POST", "/api/v1/auth/refresh", {
      refreshToken: tokens.refreshToken,
    });
    expect(after.status).toBe(401);
  });

  it("detects reuse of a rotated refresh token and revokes the family", async () => {
    const { refreshToken } = await signUp(testApp.app);
    const rotated = await client("POST", "/api/v1/auth/refresh", { refreshToken });
    expect(rotated.status).toBe(200);

    const reuse = await client("POST", "/api/v1/auth/refresh", { refreshToken });
    expect(reuse.status).toBe(401);
    expect(await reuse.json()).toMatchObject({ code: "INVALID_REFRESH_TOKEN" });
    const { refreshToken: next } = await bodyOf<SignedUp>(rotated);
    expect((await client("POST", "/api/v1/auth/refresh", { refreshToken: next })).status).toBe(401);
  });

  it("answers a duplicate email with 409", async () => {
    const { user } = await signUp(testApp.app);
    const res = await client("POST", "/api/v1/auth/register", { email: user.email, password });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ status: 409, code: "EMAIL_TAKEN" });
  });

  it("enforces the password policy", async () => {
    const res = await client("POST", "/api/v1/auth/register", {
      email: "short@example.com",
      password: "short",
    });
    expect(res.status).toBe(400);
    const problem = await bodyOf<Problem>(res);
    expect(problem.errors).toEqual([{ path: "password", message: expect.any(String) }]);
  });

  it("answers an unknown email and a wrong password the same way", async () => {
    const { user } = await signUp(testApp.app);
    const unknown = await client("POST", "/api/v1/auth/login", {
      email: "nobody@example.com",
      password,
    });
    const wrong = await client("POST", "/api/v1/auth/login", {
      email: user.email,
      password: "not the password",
    });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect((await bodyOf<Problem>(wrong)).detail).toBe((await bodyOf<Problem>(unknown)).detail);
    expect(unknown.headers.get("www-authenticate")).toBe("Bearer");
  });

  it("rate limits sign-in attempts separately", async () => {
    const limited = await createTestApp({ AUTH_RATE_LIMIT_MAX: "1" });
    try {
      const attempt = () =>
        clientFor(limited.app)("POST", "/api/v1/auth/login", { email: "a@example.com", password });
      expect((await attempt()).status).toBe(401);
      const res = await attempt();
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
      expect((await limited.app.request("/api/v1")).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
