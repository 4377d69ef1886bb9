import request from "supertest";
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
    const { user, client } = await signUp(testApp.server);
    const res = await client
      .get("/api/v1/users/me")
      .expect(200)
      .expect("cache-control", "no-store");
    expect(res.body).toEqual({
      id: user.id,
      email: user.email,
      role: "user",
      createdAt: expect.any(String),
    });
  });

  it("401s without a session cookie, and with a forged one", async () => {
    for (const cookie of [undefined, "better-auth.session_token=forged.value"]) {
      const req = request(testApp.server).get("/api/v1/users/me");
      const res = await (cookie ? req.set("Cookie", cookie) : req).expect(401);
      expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 401, code: "UNAUTHORIZED" });
    }
  });
});

describe("GET /api/v1/users", () => {
  it("is for admins only: 403 for a user, 200 for an admin", async () => {
    const { client: user } = await signUp(testApp.server);
    await user.get("/api/v1/users").expect(403);
    const { client: admin } = await signUpAdmin(testApp.server, testApp.database.db);
    const res = await admin.get("/api/v1/users?limit=1").expect(200);
    expect(res.body.data).toHaveLength(1);
  });
});
