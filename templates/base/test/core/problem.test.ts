import { describe, expect, it } from "vitest";
import { AppError, NotFoundError, ValidationError } from "../../src/core/errors.js";
import { toProblem } from "../../src/core/problem.js";

const options = { requestId: "req-1", exposeInternals: false };

describe("toProblem", () => {
  it("maps an application error to its status, code and message", () => {
    expect(toProblem(new NotFoundError("Todo 1 was not found."), options)).toEqual({
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
    expect(toProblem(error, options).body.errors).toEqual([{ path: "title", message: "Required" }]);
  });

  it("passes the error's headers through", () => {
    const error = new AppError(401, "UNAUTHORIZED", "Sign in.", { "WWW-Authenticate": "Bearer" });
    expect(toProblem(error, options).headers).toEqual({ "WWW-Authenticate": "Bearer" });
  });

  it("hides the message of unexpected errors unless told to expose it", () => {
    const error = new Error("connection string postgres://secret@db");
    expect(toProblem(error, options).body).toMatchObject({
      status: 500,
      code: "INTERNAL_ERROR",
      detail: "An unexpected error occurred.",
    });
    expect(toProblem(error, { ...options, exposeInternals: true }).body.detail).toBe(error.message);
  });
});
