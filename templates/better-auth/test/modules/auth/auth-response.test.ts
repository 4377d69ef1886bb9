import { describe, expect, it } from "vitest";
import { authResponse, keepFailure } from "../../../src/modules/auth/auth-response.js";

const request = new Request("http://localhost:3000/api/v1/auth/sign-in/email", { method: "POST" });
const log = { debug() {}, info() {}, warn() {}, error() {} };

/** Stands in for Better Auth failing a request: its onAPIError hook, then its bare 500. */
const failingWith = (error: unknown) => ({
  options: { basePath: "/api/v1/auth" },
  handler: async () => {
    keepFailure(error);
    return new Response(null, { status: 500 });
  },
});

describe("authResponse, when Better Auth fails", () => {
  it("answers 503 with Retry-After when the database cannot be reached", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:5432"), {
      code: "ECONNREFUSED",
    });
    const failure = new Error("Failed query: select 1", { cause: refused });
    const res = await authResponse(failingWith(failure), request, { id: "req-1", log });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(await res.json()).toMatchObject({ code: "SERVICE_UNAVAILABLE", requestId: "req-1" });
  });

  it("answers any other failure as a 500 that says nothing about it", async () => {
    const failing = failingWith(new Error("secret detail"));
    const res = await authResponse(failing, request, { id: "req-2", log });
    expect(res.status).toBe(500);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.text()).not.toContain("secret detail");
  });
});
