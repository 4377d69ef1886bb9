import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterEach, describe, expect, it } from "vitest";
import { ResponseWithPresetHeaders } from "../../src/http/response-headers.js";
import { securityHeaders } from "../../src/http/security-headers.js";
import { createTestApp } from "../helpers/app.js";
import { bodyOf } from "../helpers/http.js";

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
  );
});

async function urlOf(server: Server): Promise<string> {
  servers.push(server);
  if (!server.listening) await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A real server whose handler answers through `respond`. */
function serverWith(respond: (res: ResponseWithPresetHeaders) => void): Promise<string> {
  const server = createServer({ ServerResponse: ResponseWithPresetHeaders }, (_req, res) => {
    respond(res);
  });
  return urlOf(server.listen(0, "127.0.0.1"));
}

describe("ResponseWithPresetHeaders", () => {
  it("writes the preset headers with the handler's", async () => {
    const url = await serverWith((res) => {
      res.presetHeaders([["X-One", "1"]]);
      res.presetHeaders([["X-Two", "2"]]);
      res.writeHead(201, { "Content-Type": "text/plain" }).end("made");
    });
    const res = await fetch(url);
    expect(res.status).toBe(201);
    expect(res.headers.get("x-one")).toBe("1");
    expect(res.headers.get("x-two")).toBe("2");
    expect(res.headers.get("content-type")).toBe("text/plain");
    expect(await res.text()).toBe("made");
  });

  it("lets the handler's header win a clash, whatever its case, and sends it once", async () => {
    const url = await serverWith((res) => {
      res.presetHeaders([["X-Frame-Options", "SAMEORIGIN"]]);
      res.presetHeaders([["X-Other", "kept"]]);
      res.writeHead(200, { "x-frame-options": "DENY" }).end();
    });
    const res = await fetch(url);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-other")).toBe("kept");
  });

  it("keeps a status message and headers given as a list", async () => {
    const url = await serverWith((res) => {
      res.presetHeaders([["X-One", "1"]]);
      res.writeHead(200, "Fine", ["Content-Type", "text/plain", "X-One", "handler"]).end();
    });
    const res = await fetch(url);
    expect(res.statusText).toBe("Fine");
    expect(res.headers.get("content-type")).toBe("text/plain");
    expect(res.headers.get("x-one")).toBe("handler");
  });

  it("writes the preset headers when the head is written implicitly", async () => {
    const url = await serverWith((res) => {
      res.presetHeaders([["X-One", "1"]]);
      res.statusCode = 204;
      res.end();
    });
    const res = await fetch(url);
    expect(res.status).toBe(204);
    expect(res.headers.get("x-one")).toBe("1");
  });
});

describe("the app on a real server", () => {
  it("sends each contract header once, with the handler's", async () => {
    const testApp = await createTestApp({ CORS_ORIGINS: "https://app.example.com" });
    try {
      const server = serve({
        fetch: testApp.app.fetch,
        port: 0,
        hostname: "127.0.0.1",
        serverOptions: { ServerResponse: ResponseWithPresetHeaders },
      }) as Server;
      const url = await urlOf(server);

      for (const path of ["/health", "/api/v1/nope"]) {
        const res = await fetch(`${url}${path}`, {
          headers: { Origin: "https://app.example.com", "X-Request-Id": "edge-42" },
        });
        for (const [name, value] of securityHeaders) expect(res.headers.get(name)).toBe(value);
        expect(res.headers.get("x-request-id")).toBe("edge-42");
        expect(res.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
        expect(res.headers.get("vary")).toBe("Origin");
      }
      const missing = await fetch(`${url}/api/v1/nope`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect((await bodyOf(missing)).requestId).toBe(missing.headers.get("x-request-id"));
    } finally {
      await testApp.close();
    }
  });
});
