import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { AppEnv } from "../../src/http/app-env.js";
import { errorHandler } from "../../src/http/error-handler.js";
import { httpLogger } from "../../src/http/http-logger.js";
import { captureLogs } from "../helpers/logs.js";

const { logger, lines } = captureLogs();
const app = new Hono<AppEnv>()
  .use(requestId())
  .use(httpLogger(logger, 0))
  .get("/api/v1/things", (c) => c.json([]))
  .get("/api/v1/callback", (c) => c.redirect("/welcome?code=secret-code&state=secret-state"))
  .get("/api/v1/broken", () => {
    throw new Error("database on fire");
  })
  .onError(errorHandler);

let server: ServerType;
let origin: string;

beforeAll(async () => {
  await new Promise<void>((listening) => {
    server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, () => listening());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((closed) => server.close(closed)));

beforeEach(() => {
  lines.length = 0;
});

/** Sends a request over HTTP; its line may be written just after the response has arrived. */
async function send(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${origin}${path}`, { headers, redirect: "manual" });
  await res.body?.cancel();
  await vi.waitFor(() => expect(lines).not.toHaveLength(0));
  return res;
}

describe("httpLogger", () => {
  it("logs the request's method, URL and client, and no header, whatever it carries", async () => {
    const res = await send("/api/v1/things?token=secret-token&limit=5", {
      "Proxy-Authorization": "Basic secret-proxy",
      "X-Api-Key": "secret-key",
    });
    expect(lines).toEqual([
      expect.objectContaining({
        level: 30,
        msg: "request completed",
        reqId: res.headers.get("x-request-id"),
        req: {
          method: "GET",
          url: "/api/v1/things?token=[redacted]&limit=5",
          host: origin.slice("http://".length),
          remoteAddress: "127.0.0.1",
          remotePort: expect.any(Number),
        },
        res: { statusCode: 200 },
      }),
    ]);
    expect(JSON.stringify(lines)).not.toContain("secret");
  });

  it("logs a redirect's Location without the secrets its query carries", async () => {
    await send("/api/v1/callback?code=secret-code&state=secret-state");
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

  it("logs a 5xx on one line, at error, with the error and its stack", async () => {
    await send("/api/v1/broken");
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        msg: "request completed",
        err: expect.objectContaining({ message: "database on fire", stack: expect.any(String) }),
        res: { statusCode: 500 },
      }),
    ]);
  });
});
