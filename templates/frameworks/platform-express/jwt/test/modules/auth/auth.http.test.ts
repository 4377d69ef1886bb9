import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../helpers/app.js";
import { password, signUp } from "../../helpers/auth.js";

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp();
});

afterAll(() => testApp.close());

describe("/api/v1/auth", () => {
  it("registers, signs in, refreshes with rotation and signs out", async () => {
    const email = "Flow@Example.com";
    const registered = await request(testApp.server)
      .post("/api/v1/auth/register")
      .send({ email, password })
      .expect(201);
    expect(registered.body).toEqual({
      user: {
        id: expect.any(String),
        email: "flow@example.com",
        role: "user",
        createdAt: expect.any(String),
      },
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
    });

    const login = await request(testApp.server)
      .post("/api/v1/auth/login")
      .send({ email, password })
      .expect(200);
    expect(login.body.user).toEqual(registered.body.user);

    const me = await request(testApp.server)
      .get("/api/v1/users/me")
      .set("Authorization", `Bearer ${login.body.accessToken}`)
      .expect(200);
    expect(me.body).toEqual(registered.body.user);

    const refreshed = await request(testApp.server)
      .post("/api/v1/auth/refresh")
      .send({ refreshToken: login.body.refreshToken })
      .expect(200);
    expect(Object.keys(refreshed.body).sort()).toEqual(["accessToken", "refreshToken"]);
    for (const res of [registered, login, refreshed]) {
      expect(res.headers["cache-control"]).toBe("no-store");
    }

    await request(testApp.server)
      .post("/api/v1/auth/logout")
      .send({ refreshToken: refreshed.body.refreshToken })
      .expect(204);
    await request(testApp.server)
      .post("/api/v1/auth/refresh")
      .send({ refreshToken: refreshed.body.refreshToken })
      .expect(401);
  });

  it("detects reuse of a rotated refresh token and revokes the family", async () => {
    const { refreshToken } = await signUp(testApp.server);
    const rotated = await request(testApp.server)
      .post("/api/v1/auth/refresh")
      .send({ refreshToken })
      .expect(200);

    const reuse = await request(testApp.server)
      .post("/api/v1/auth/refresh")
      .send({ refreshToken })
      .expect(401);
    expect(reuse.body).toMatchObject({ code: "INVALID_REFRESH_TOKEN" });
    await request(testApp.server)
      .post("/api/v1/auth/refresh")
      .send({ refreshToken: rotated.body.refreshToken })
      .expect(401);
  });

  it("answers a duplicate email with 409", async () => {
    const { user } = await signUp(testApp.server);
    const res = await request(testApp.server)
      .post("/api/v1/auth/register")
      .send({ email: user.email, password })
      .expect(409);
    expect(res.body).toMatchObject({ status: 409, code: "EMAIL_TAKEN" });
  });

  it("enforces the password policy", async () => {
    const res = await request(testApp.server)
      .post("/api/v1/auth/register")
      .send({ email: "short@example.com", password: "short" })
      .expect(400);
    expect(res.body.errors).toEqual([{ path: "password", message: expect.any(String) }]);
  });

  it("answers an unknown email and a wrong password the same way", async () => {
    const { user } = await signUp(testApp.server);
    const unknown = await request(testApp.server)
      .post("/api/v1/auth/login")
      .send({ email: "nobody@example.com", password })
      .expect(401);
    const wrong = await request(testApp.server)
      .post("/api/v1/auth/login")
      .send({ email: user.email, password: "not the password" })
      .expect(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(unknown.headers["www-authenticate"]).toBe("Bearer");
  });

  it("rate limits sign-in attempts separately", async () => {
    const limited = await createTestApp(
      { AUTH_RATE_LIMIT_MAX: "1" },
      { database: testApp.database },
    );
    try {
      const attempt = () =>
        request(limited.server)
          .post("/api/v1/auth/login")
          .send({ email: "a@example.com", password });
      await attempt().expect(401);
      const res = await attempt().expect(429);
      expect(res.headers["retry-after"]).toBeDefined();
    } finally {
      await limited.close();
    }
  });

  it("counts every auth route against the one auth limit", async () => {
    const limited = await createTestApp(
      { AUTH_RATE_LIMIT_MAX: "2" },
      { database: testApp.database },
    );
    try {
      await request(limited.server)
        .post("/api/v1/auth/login")
        .send({ email: "a@example.com", password })
        .expect(401);
      await request(limited.server).post("/api/v1/auth/register").send({}).expect(400);
      await request(limited.server)
        .post("/api/v1/auth/refresh")
        .send({ refreshToken: "unknown" })
        .expect(429);
    } finally {
      await limited.close();
    }
  });

  it("counts requests to every route against the one overall limit", async () => {
    const limited = await createTestApp({ RATE_LIMIT_MAX: "2" }, { database: testApp.database });
    try {
      await request(limited.server).get("/api/v1").expect(200);
      await request(limited.server).get("/api/v1/users/me").expect(401);
      await request(limited.server).get("/api/v1").expect(429);
    } finally {
      await limited.close();
    }
  });
});
