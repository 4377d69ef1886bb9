import type { ErrorRequestHandler, RequestHandler } from "express";
import { AppError, NotFoundError } from "../core/errors.js";
import { toProblem } from "../core/problem.js";

export const notFoundHandler: RequestHandler = (req) => {
  throw new NotFoundError(`No route matches ${req.method} ${req.path}.`);
};

/** Answers every error as `application/problem+json`. */
export function errorHandler(exposeInternals: boolean): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const problem = toProblem(fromBodyParser(error) ?? error, {
      requestId: String(req.id),
      exposeInternals,
    });
    // The request logger logs it, with its stack, on the request's line.
    if (problem.status >= 500) res.err = error;
    res
      .status(problem.status)
      .set(problem.headers)
      .type("application/problem+json")
      .json(problem.body);
  };
}

// express.json() reports client mistakes as http-errors with a `type` and a 4xx status.
function fromBodyParser(error: { type?: unknown; status?: unknown }): AppError | undefined {
  if (error.type === "entity.parse.failed") {
    return new AppError(400, "MALFORMED_JSON", "The request body is not valid JSON.");
  }
  if (error.type === "entity.too.large") {
    return new AppError(413, "PAYLOAD_TOO_LARGE", "The request body is too large.");
  }
  if (typeof error.type === "string" && typeof error.status === "number" && error.status < 500) {
    return new AppError(error.status, "BAD_REQUEST", "The request body could not be read.");
  }
  return undefined;
}
