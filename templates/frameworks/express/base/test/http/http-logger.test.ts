import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { errorHandler } from "../../src/http/error-handler.js";
import { httpLogger } from "../../src/http/http-logger.js";
import { captureLogs } from "../helpers/logs.js";

function loggedApp() {
  const { logger, lines } = captureLogs();
  const app = express()
    .use(httpLogger(logger))
    .get(["/health", "/api/v1/things"], (_req, res) => {
      res.json({ status: "ok" });
    })
    .get("/api/v1/callback", (_req, res) => {
      res.redirect("/welcome?code=secret-code&state=secret-state");
    })
    .get("/api/v1/broken", () => {
      throw new Error("database on fire");
    })
    .get("/api/v1/failed-query", () => {
      // As Drizzle reports a failed query: its values in the message and in `params`.
      const error = new Error("Failed query: select $1\nparams: secret-value");
      throw Object.assign(error, { params: ["secret-value"] });
    })
    .use(errorHandler);
  return { app, lines };
}

describe("httpLogger", () => {
  it("logs each request on one line with its id, status and response time", async () => {
    const { app, lines } = loggedApp();
    const res = await request(app)
      .get("/api/v1/things")
      .set("X-Request-Id", "abc-123")
      .set("Authorization", "Bearer secret-token");
    expect(res.headers["x-request-id"]).toBe("abc-123");
    expect(lines).toEqual([
      expect.objectContaining({
        level: 30,
        req: expect.objectContaining({ id: "abc-123", method: "GET", url: "/api/v1/things" }),
        res: expect.objectContaining({ statusCode: 200 }),
        responseTime: expect.any(Number),
      }),
    ]);
    expect(JSON.stringify(lines)).not.toContain("secret-token");
  });

  it("logs the URL and a redirect's Location without the secrets their query carries", async () => {
    const { app, lines } = loggedApp();
    await request(app).get("/api/v1/callback?code=secret-code&state=secret-state").expect(302);
    expect(lines).toEqual([
      expect.objectContaining({
        req: expect.objectContaining({
          url: "/api/v1/callback?code=[redacted]&state=[redacted]",
        }),
        res: { statusCode: 302, location: "/welcome?code=[redacted]&state=[redacted]" },
      }),
    ]);
    expect(JSON.stringify(lines)).not.toContain("secret");
  });

  it("logs the request's method, URL and client, and no header, whatever it carries", async () => {
    const { app, lines } = loggedApp();
    await request(app)
      .get("/api/v1/things?token=secret-token&limit=5")
      .set("X-Request-Id", "abc-123")
      .set("Proxy-Authorization", "Basic secret-proxy")
      .set("X-Api-Key", "secret-key")
      .expect(200);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.req).toEqual({
      id: "abc-123",
      method: "GET",
      url: "/api/v1/things?token=[redacted]&limit=5",
      host: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
      remoteAddress: expect.stringMatching(/127\.0\.0\.1$/),
      remotePort: expect.any(Number),
    });
    expect(lines[0]?.res).toEqual({ statusCode: 200 });
    expect(JSON.stringify(lines)).not.toContain("secret");
  });

  it("logs probes that succeed at debug only", async () => {
    const { app, lines } = loggedApp();
    await request(app).get("/health").expect(200);
    expect(lines).toEqual([]);
  });

  it("logs a failed query without the values it was sent", async () => {
    const { app, lines } = loggedApp();
    await request(app).get("/api/v1/failed-query").expect(500);
    expect(lines).toEqual([
      expect.objectContaining({
        err: expect.objectContaining({ message: "Failed query: select $1" }),
      }),
    ]);
    expect(JSON.stringify(lines)).not.toContain("secret-value");
  });

  it("logs an unexpected error with its stack on the request's line, and hides it from the client", async () => {
    const { app, lines } = loggedApp();
    const res = await request(app).get("/api/v1/broken").expect(500);
    expect(res.body.detail).not.toContain("fire");
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        err: expect.objectContaining({ message: "database on fire", stack: expect.any(String) }),
        res: expect.objectContaining({ statusCode: 500 }),
      }),
    ]);
  });
});
