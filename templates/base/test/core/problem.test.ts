import { describe, expect, it } from "vitest";
import { AppError, NotFoundError, ValidationError } from "../../src/core/errors.js";
import { toProblem } from "../../src/core/problem.js";

const requestId = "req-1";

describe("toProblem", () => {
  it("maps an application error to its status, code and message", () => {
    expect(toProblem(new NotFoundError("Todo 1 was not found."), requestId)).toEqual({
      status: 404,
      headers: {},
      body: {
        type: "about:blank",
        title: "Not Found",
        status: 404,
        detail: "Todo 1 was not found.",
        code: "NOT_FOUND",
        requestId: "req-1",
      },
    });
  });

  it("lists the fields of a validation error", () => {
    const error = new ValidationError([{ path: "title", message: "Required" }]);
    expect(toProblem(error, requestId).body.errors).toEqual([
      { path: "title", message: "Required" },
    ]);
  });

  it("passes the error's headers through", () => {
    const error = new AppError(401, "UNAUTHORIZED", "Sign in.", { "WWW-Authenticate": "Bearer" });
    expect(toProblem(error, requestId).headers).toEqual({ "WWW-Authenticate": "Bearer" });
  });

  it("tells nothing of an unexpected error, whatever the environment", () => {
    const error = new Error("connection string postgres://secret@db");
    expect(toProblem(error, requestId)).toEqual({
      status: 500,
      headers: {},
      body: {
        type: "about:blank",
        title: "Internal Server Error",
        status: 500,
        detail: "An unexpected error occurred.",
        code: "INTERNAL_ERROR",
        requestId,
      },
    });
  });
});
