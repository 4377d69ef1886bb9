import { eq } from "drizzle-orm";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../../src/modules/users/users.table.js";
import { createTestApp, type TestApp } from "../../helpers/app.js";
import { signUp, signUpAdmin } from "../../helpers/auth.js";

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp();
});

afterAll(() => testApp.close());

describe("/api/v1/users", () => {
  it("answers without a token with 401 and a Bearer challenge", async () => {
    const res = await request(testApp.server).get("/api/v1/users/me").expect(401);
    expect(res.headers["www-authenticate"]).toBe("Bearer");
  });

  it("answers an invalid token with 401 invalid_token", async () => {
    const res = await request(testApp.server)
      .get("/api/v1/users/me")
      .set("Authorization", "Bearer not.a.token")
      .expect(401);
    expect(res.headers["www-authenticate"]).toBe('Bearer error="invalid_token"');
    expect(res.body).toMatchObject({ code: "INVALID_TOKEN" });
  });

  it("tells caches not to keep a signed-in user's answers", async () => {
    const { accessToken } = await signUp(testApp.server);
    const res = await request(testApp.server)
      .get("/api/v1/users/me")
      .set("Authorization", `Bearer ${accessToken}`)
      .expect(200);
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it("answers the token of a user who no longer exists with 401 invalid_token", async () => {
    const { user, accessToken } = await signUp(testApp.server);
    await testApp.database.db.delete(users).where(eq(users.id, user.id));
    const res = await request(testApp.server)
      .get("/api/v1/users/me")
      .set("Authorization", `Bearer ${accessToken}`)
      .expect(401);
    expect(res.body).toMatchObject({ code: "INVALID_TOKEN" });
  });

  it("lets only admins list users", async () => {
    const user = await signUp(testApp.server);
    const admin = await signUpAdmin(testApp.server, testApp.database.db);

    await request(testApp.server).get("/api/v1/users").expect(401);
    const forbidden = await request(testApp.server)
      .get("/api/v1/users")
      .set("Authorization", `Bearer ${user.accessToken}`)
      .expect(403);
    expect(forbidden.body).toMatchObject({ status: 403, code: "FORBIDDEN" });

    const list = await request(testApp.server)
      .get("/api/v1/users?limit=1")
      .set("Authorization", `Bearer ${admin.accessToken}`)
      .expect(200);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0]).not.toHaveProperty("passwordHash");
    expect(list.body.nextCursor).toEqual(expect.any(String));
  });

  it("lets a token issued before a promotion to admin list users at once", async () => {
    const { user, accessToken } = await signUp(testApp.server);
    const listUsers = () =>
      request(testApp.server).get("/api/v1/users").set("Authorization", `Bearer ${accessToken}`);
    await listUsers().expect(403);
    await testApp.database.db.update(users).set({ role: "admin" }).where(eq(users.id, user.id));
    await listUsers().expect(200);
  });
});
