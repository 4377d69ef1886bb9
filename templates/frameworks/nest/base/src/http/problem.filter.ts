import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
} from "@nestjs/common";
import type { Request, Response } from "express";
import { AppError, NotFoundError } from "../core/errors.js";
import { toProblem } from "../core/problem.js";

/** Answers every error, from a route, a guard, a pipe or a middleware, as a problem. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) {
      // Too late for a problem: the client would wait for the rest of a response that never
      // comes. Like Express, close the connection, so it sees the response fail; the request
      // logger logs the error, at level error, on the request's line.
      res.err = exception instanceof Error ? exception : new Error(String(exception));
      res.destroy();
      return;
    }
    // The request id is set by assignRequestId (src/http/http-logger.ts), before any route.
    const problem = toProblem(fromNest(exception, req), String(req.id));
    // The request logger logs it, with its stack, on the request's line.
    if (problem.status >= 500 && exception instanceof Error) res.err = exception;
    res
      .status(problem.status)
      .set(problem.headers)
      .type("application/problem+json")
      .json(problem.body);
  }
}

/**
 * Nest's own HTTP client errors (thrown by Nest or a library) as app errors. A 5xx one is left
 * as it is, to be answered like any unexpected error: its message (`new
 * InternalServerErrorException("…")`) can say things about the server the client must not see.
 */
function fromNest(exception: unknown, req: Request): unknown {
  if (!(exception instanceof HttpException)) return exception;
  const status = exception.getStatus();
  if (status >= 500) return exception;
  // Nest's router says "Cannot GET /path?query" for a path no route matches; this says it as
  // the other frameworks do, so a client (and the tests) can tell it from a resource not found.
  if (status === 404 && exception.message === `Cannot ${req.method} ${req.originalUrl}`) {
    return new NotFoundError(`No route matches ${req.method} ${req.path}.`);
  }
  return new AppError(status, HttpStatus[status] ?? "HTTP_ERROR", exception.message);
}
