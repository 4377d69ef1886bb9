import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../../src/modules/users/users.table.js";
import { createTestApp, type TestApp } from "../../helpers/app.js";
import { signUp, signUpAdmin } from "../../helpers/auth.js";
import { bodyOf, clientFor } from "../../helpers/http.js";

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp();
});

afterAll(() => testApp.close());

describe("/api/v1/users", () => {
  it("answers without a token with 401 and a Bearer challenge", async () => {
    const res = await testApp.app.request("/api/v1/users/me");
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe("Bearer");
  });

  it("answers an invalid token with 401 invalid_token", async () => {
    const res = await clientFor(testApp.app, "not.a.token")("GET", "/api/v1/users/me");
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
    expect(await res.json()).toMatchObject({ code: "INVALID_TOKEN" });
  });

  it("tells caches not to keep a signed-in user's answers", async () => {
    const { accessToken } = await signUp(testApp.app);
    const res = await clientFor(testApp.app, accessToken)("GET", "/api/v1/users/me");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("answers the token of a user who no longer exists with 401 invalid_token", async () => {
    const { user, accessToken } = await signUp(testApp.app);
    await testApp.database.db.delete(users).where(eq(users.id, user.id));
    const res = await clientFor(testApp.app, accessToken)("GET", "/api/v1/users/me");
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: "INVALID_TOKEN" });
  });

  it("lets only admins list users", async () => {
    const user = await signUp(testApp.app);
    const admin = await signUpAdmin(testApp.app, testApp.database.db);

    expect((await testApp.app.request("/api/v1/users")).status).toBe(401);
    const forbidden = await clientFor(testApp.app, user.accessToken)("GET", "/api/v1/users");
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ status: 403, code: "FORBIDDEN" });

    const list = await clientFor(testApp.app, admin.accessToken)("GET", "/api/v1/users?limit=1");
    expect(list.status).toBe(200);
    const page = await bodyOf<{ data: object[]; nextCursor: string | null }>(list);
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).not.toHaveProperty("passwordHash");
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it("lets a token issued before a promotion to admin list users at once", async () => {
    const { user, accessToken } = await signUp(testApp.app);
    const listUsers = () => clientFor(testApp.app, accessToken)("GET", "/api/v1/users");
    expect((await listUsers()).status).toBe(403);
    await testApp.database.db.update(users).set({ role: "admin" }).where(eq(users.id, user.id));
    expect((await listUsers()).status).toBe(200);
  });
});
