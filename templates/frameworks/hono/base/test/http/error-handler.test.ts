import { Hono } from "hono";
import { bearerAuth } from "hono/bearer-auth";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../src/http/app-env.js";
import { errorHandler } from "../../src/http/error-handler.js";

/** Routes that throw HTTPExceptions as a handler, or a Hono middleware, does. */
const app = new Hono<AppEnv>()
  .use(requestId())
  .get("/admins-only", () => {
    throw new HTTPException(403, { message: "Admins only." });
  })
  .get("/gone", () => {
    throw new HTTPException(410);
  })
  .get("/maintenance", () => {
    const res = new Response(null, { headers: { "Retry-After": "30" } });
    throw new HTTPException(503, { message: "host=db.internal is down", res });
  })
  .get("/broken", () => {
    throw new HTTPException(500, { message: "host=db.internal refused" });
  })
  .get("/token", bearerAuth({ token: "secret" }), (c) => c.text("ok"))
  .onError(errorHandler);

describe("errorHandler", () => {
  it("answers an HTTPException with its status, the code for it and its message", async () => {
    const res = await app.request("/admins-only");
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toEqual({
      type: "about:blank",
      title: "Forbidden",
      status: 403,
      detail: "Admins only.",
      code: "FORBIDDEN",
      requestId: res.headers.get("x-request-id"),
    });
  });

  it("says something of its own for an HTTPException without a message", async () => {
    const res = await app.request("/gone");
    expect(res.status).toBe(410);
    expect(await res.json()).toMatchObject({
      code: "GONE",
      detail: "The request could not be completed.",
    });
  });

  it("keeps the headers of its response, such as hono/bearer-auth's WWW-Authenticate", async () => {
    const res = await app.request("/token");
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer /);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ status: 401, code: "UNAUTHORIZED" });
  });

  it("keeps a 5xx status and headers, but not its message, which is for the log", async () => {
    const res = await app.request("/maintenance");
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("30");
    const text = await res.text();
    expect(text).not.toContain("db.internal");
    expect(JSON.parse(text)).toMatchObject({ status: 503, code: "SERVICE_UNAVAILABLE" });
  });

  it("answers a 500 like any unexpected error", async () => {
    const res = await app.request("/broken");
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({
      code: "INTERNAL_ERROR",
      detail: "An unexpected error occurred.",
    });
  });
});
