import type { ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppError, NotFoundError } from "../core/errors.js";
import { toProblem } from "../core/problem.js";
import type { AppEnv } from "./app-env.js";

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) => {
  throw new NotFoundError(`No route matches ${c.req.method} ${c.req.path}.`);
};

/** Answers every error as `application/problem+json`. */
export function errorHandler(exposeInternals: boolean): ErrorHandler<AppEnv> {
  return (error, c) => {
    const problem = toProblem(fromHttpException(error) ?? error, {
      requestId: c.var.requestId,
      exposeInternals,
    });
    return c.json(problem.body, problem.status as ContentfulStatusCode, {
      ...problem.headers,
      "Content-Type": "application/problem+json",
    });
  };
}

// Hono's validator reports a body it cannot parse as an HTTPException with a 4xx status.
function fromHttpException(error: Error): AppError | undefined {
  if (!(error instanceof HTTPException) || error.status >= 500) return undefined;
  if (error.message === "Malformed JSON in request body") {
    return new AppError(400, "MALFORMED_JSON", "The request body is not valid JSON.");
  }
  return new AppError(error.status, "BAD_REQUEST", "The request could not be read.");
}
