import { describe, expect, it } from "vitest";
import { toProblem } from "../../src/core/problem.js";

describe("toProblem, when the database cannot be reached", () => {
  it("answers 503 with Retry-After, and nothing about the cause", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:5432"), {
      code: "ECONNREFUSED",
    });
    const error = new Error("Failed query: select 1\nparams: ", { cause: refused });
    expect(toProblem(error, "req-1")).toEqual({
      status: 503,
      headers: { "Retry-After": "5" },
      body: {
        type: "about:blank",
        title: "Service Unavailable",
        status: 503,
        detail: "The service cannot reach its database; try again shortly.",
        code: "SERVICE_UNAVAILABLE",
        requestId: "req-1",
      },
    });
  });
});
