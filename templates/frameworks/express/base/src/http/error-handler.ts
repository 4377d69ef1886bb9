import type { ErrorRequestHandler, RequestHandler } from "express";
import { NotFoundError } from "../core/errors.js";
import { toProblem } from "../core/problem.js";
import { fromHttpError } from "./http-errors.js";

export const notFoundHandler: RequestHandler = (req) => {
  throw new NotFoundError(`No route matches ${req.method} ${req.path}.`);
};

/** Answers every error as `application/problem+json`. */
export const errorHandler: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const problem = toProblem(fromHttpError(error), String(req.id));
  // pino-http logs this error, with its stack, on the request's line.
  if (problem.status >= 500) res.err = error;
  res
    .status(problem.status)
    .set(problem.headers)
    .type("application/problem+json")
    .json(problem.body);
};
