import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../helpers/app.js";
import { signUp, signUpAdmin } from "../../helpers/auth.js";

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp();
});

afterAll(() => testApp.close());

describe("GET /api/v1/users/me", () => {
  it("answers the signed-in user, without secrets, for no cache to keep", async () => {
    const { user, client } = await signUp(testApp.app);
    const res = await client({ method: "GET", url: "/api/v1/users/me" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.json()).toEqual({
      id: user.id,
      email: user.email,
      role: "user",
      createdAt: expect.any(String),
    });
  });

  it("401s without a session cookie, and with a forged one", async () => {
    for (const cookies of [undefined, { "better-auth.session_token": "forged.value" }]) {
      const res = await testApp.app.inject({ method: "GET", url: "/api/v1/users/me", cookies });
      expect(res.statusCode).toBe(401);
      expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ status: 401, code: "UNAUTHORIZED" });
    }
  });
});

describe("GET /api/v1/users", () => {
  it("is for admins only: 403 for a user, 200 for an admin", async () => {
    const { client: user } = await signUp(testApp.app);
    const forbidden = await user({ method: "GET", url: "/api/v1/users" });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ status: 403, code: "FORBIDDEN" });

    const { client: admin } = await signUpAdmin(testApp.app, testApp.database.db);
    const res = await admin({ method: "GET", url: "/api/v1/users", query: { limit: "1" } });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toHaveLength(1);
    expect(res.json().nextCursor).toEqual(expect.any(String));
  });
});
