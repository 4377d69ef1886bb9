import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../helpers/app.js";
import { signUp, signUpAdmin } from "../../helpers/auth.js";
import { bodyOf, send } from "../../helpers/http.js";

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp();
});

afterAll(() => testApp.close());

describe("GET /api/v1/users/me", () => {
  it("answers the signed-in user, without secrets, for no cache to keep", async () => {
    const { user, client } = await signUp(testApp.app);
    const res = await client("GET", "/api/v1/users/me");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({
      id: user.id,
      email: user.email,
      role: "user",
      createdAt: expect.any(String),
    });
  });

  it("401s without a session cookie, and with a forged one", async () => {
    for (const cookie of [undefined, "better-auth.session_token=forged.value"]) {
      const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
      const res = await send(testApp.app, "GET", "/api/v1/users/me", { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect(await res.json()).toMatchObject({ status: 401, code: "UNAUTHORIZED" });
    }
  });
});

describe("GET /api/v1/users", () => {
  it("is for admins only: 403 for a user, 200 for an admin", async () => {
    const { client: user } = await signUp(testApp.app);
    const forbidden = await user("GET", "/api/v1/users");
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ status: 403, code: "FORBIDDEN" });

    const { client: admin } = await signUpAdmin(testApp.app, testApp.database.db);
    const res = await admin("GET", "/api/v1/users?limit=1");
    expect(res.status).toBe(200);
    const page = await bodyOf<{ data: object[]; nextCursor: string | null }>(res);
    expect(page.data).toHaveLength(1);
    expect(page.nextCursor).toEqual(expect.any(String));
  });
});
