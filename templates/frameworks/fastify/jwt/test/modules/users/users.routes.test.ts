import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../../src/modules/users/users.table.js";
import { createTestApp, type TestApp } from "../../helpers/app.js";
import { signUp, signUpAdmin } from "../../helpers/auth.js";

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp();
});

afterAll(() => testApp.close());

const get = (url: string, token?: string) =>
  testApp.app.inject({
    method: "GET",
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });

describe("/api/v1/users", () => {
  it("answers without a token with 401 and a Bearer challenge", async () => {
    const res = await get("/api/v1/users/me");
    expect(res.statusCode).toBe(401);
    expect(res.headers["www-authenticate"]).toBe("Bearer");
  });

  it("answers an invalid token with 401 invalid_token", async () => {
    const res = await get("/api/v1/users/me", "not.a.token");
    expect(res.statusCode).toBe(401);
    expect(res.headers["www-authenticate"]).toBe('Bearer error="invalid_token"');
    expect(res.json()).toMatchObject({ code: "INVALID_TOKEN" });
  });

  it("tells caches not to keep a signed-in user's answers", async () => {
    const { accessToken } = await signUp(testApp.app);
    const res = await get("/api/v1/users/me", accessToken);
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it("answers the token of a user who no longer exists with 401 invalid_token", async () => {
    const { user, accessToken } = await signUp(testApp.app);
    await testApp.database.db.delete(users).where(eq(users.id, user.id));
    const res = await get("/api/v1/users/me", accessToken);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: "INVALID_TOKEN" });
  });

  it("lets only admins list users", async () => {
    const user = await signUp(testApp.app);
    const admin = await signUpAdmin(testApp.app, testApp.database.db);

    expect((await get("/api/v1/users")).statusCode).toBe(401);
    const forbidden = await get("/api/v1/users", user.accessToken);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ status: 403, code: "FORBIDDEN" });

    const list = await get("/api/v1/users?limit=1", admin.accessToken);
    expect(list.statusCode).toBe(200);
    expect(list.json().data).toHaveLength(1);
    expect(list.json().data[0]).not.toHaveProperty("passwordHash");
    expect(list.json().nextCursor).toEqual(expect.any(String));
  });

  it("lets a token issued before a promotion to admin list users at once", async () => {
    const { user, accessToken } = await signUp(testApp.app);
    expect((await get("/api/v1/users", accessToken)).statusCode).toBe(403);
    await testApp.database.db.update(users).set({ role: "admin" }).where(eq(users.id, user.id));
    expect((await get("/api/v1/users", accessToken)).statusCode).toBe(200);
  });
});
