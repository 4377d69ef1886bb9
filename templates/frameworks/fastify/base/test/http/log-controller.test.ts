import type { AddressInfo } from "node:net";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { errorHandler } from "../../src/http/error-handler.js";
import { RequestLogController, serializeRequest } from "../../src/http/log-controller.js";
import { genReqId } from "../../src/http/request-id.js";
import { captureLogs } from "../helpers/logs.js";

/**
 * An app logging at `level` into `lines` as the app does, with its error handler: a probe, a
 * route and a failing route.
 */
async function appLoggingAt(level: "info" | "debug") {
  const { logger, lines } = captureLogs(level);
  const app = Fastify({
    loggerInstance: logger.child({}, { serializers: { req: serializeRequest } }),
    logController: new RequestLogController(),
    genReqId,
  });
  app.decorateRequest("failure", null);
  app.setErrorHandler(errorHandler);
  app.get("/health", async () => ({ status: "ok" }));
  app.get("/items", async () => []);
  app.get("/broken", async () => {
    throw new Error("database on fire");
  });
  await app.ready();
  return { app, lines };
}

const completed = (lines: Record<string, unknown>[]) =>
  lines.filter((line) => line.msg === "request completed");

describe("RequestLogController", () => {
  it("logs one line per request with its id, status and time, leveled by status", async () => {
    const { app, lines } = await appLoggingAt("info");
    await app.inject({ method: "GET", url: "/items", headers: { "x-request-id": "abc" } });
    await app.inject({ method: "GET", url: "/nope" });
    await app.inject({ method: "GET", url: "/broken" });
    await app.close();

    expect(lines.filter((line) => line.msg === "incoming request")).toEqual([]);
    expect(completed(lines).map((line) => [line.level, line.res])).toEqual([
      [30, { statusCode: 200 }],
      [40, { statusCode: 404 }],
      [50, { statusCode: 500 }],
    ]);
    expect(completed(lines)[0]).toMatchObject({
      requestId: "abc",
      req: { method: "GET", url: "/items" },
      responseTime: expect.any(Number),
    });
  });

  it("logs the request's method, URL and client, and no header, whatever it carries", async () => {
    const { app, lines } = await appLoggingAt("info");
    await app.listen({ host: "127.0.0.1", port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/items?token=secret-token&limit=5`, {
      headers: {
        "X-Request-Id": "abc",
        "Proxy-Authorization": "Basic secret-proxy",
        "X-Api-Key": "secret-key",
      },
    });
    expect(res.status).toBe(200);
    await app.close();
    expect(completed(lines)).toEqual([
      expect.objectContaining({
        requestId: "abc",
        req: {
          method: "GET",
          url: "/items?token=[redacted]&limit=5",
          host: `127.0.0.1:${port}`,
          remoteAddress: "127.0.0.1",
          remotePort: expect.any(Number),
        },
        res: { statusCode: 200 },
      }),
    ]);
    expect(JSON.stringify(lines)).not.toContain("secret");
  });

  it("logs a 5xx on one line, at error, with the error and its stack", async () => {
    const { app, lines } = await appLoggingAt("info");
    await app.inject({ method: "GET", url: "/broken" });
    await app.close();
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        msg: "request completed",
        err: expect.objectContaining({ message: "database on fire", stack: expect.any(String) }),
        res: { statusCode: 500 },
      }),
    ]);
  });

  it("logs the URL without the secrets its query carries", async () => {
    const { app, lines } = await appLoggingAt("info");
    await app.inject({ method: "GET", url: "/items?code=secret-code&state=secret-state&page=2" });
    await app.close();
    expect(completed(lines)[0]).toMatchObject({
      req: { url: "/items?code=[redacted]&state=[redacted]&page=2" },
    });
    expect(JSON.stringify(lines)).not.toContain("secret");
  });

  it("logs successful probes only at debug", async () => {
    const quiet = await appLoggingAt("info");
    await quiet.app.inject({ method: "GET", url: "/health" });
    await quiet.app.close();
    expect(quiet.lines).toEqual([]);

    const verbose = await appLoggingAt("debug");
    await verbose.app.inject({ method: "GET", url: "/health?verbose" });
    await verbose.app.close();
    expect(completed(verbose.lines)).toEqual([
      expect.objectContaining({ level: 20, res: { statusCode: 200 } }),
    ]);
  });
});
