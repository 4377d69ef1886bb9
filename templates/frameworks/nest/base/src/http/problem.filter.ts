import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Inject,
  NotFoundException,
} from "@nestjs/common";
import type { Request, Response } from "express";
import type { Config } from "../config/env.js";
import { AppError, NotFoundError } from "../core/errors.js";
import { toProblem } from "../core/problem.js";
import { CONFIG } from "../dependencies.module.js";

/** Answers every error, from a route, a guard, a pipe or the middleware, as a problem. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly exposeInternals: boolean;

  constructor(@Inject(CONFIG) config: Config) {
    this.exposeInternals = config.NODE_ENV === "development";
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    if (res.headersSent) return;
    const problem = toProblem(fromNest(exception, req), {
      requestId: res.locals.requestId,
      exposeInternals: this.exposeInternals,
    });
    // The request logger logs it, with its stack, on the request's line.
    if (problem.status >= 500 && exception instanceof Error) res.locals.error = exception;
    res
      .status(problem.status)
      .set(problem.headers)
      .type("application/problem+json")
      .json(problem.body);
  }
}

/** Nest's own HTTP exceptions (an unmatched route, or one thrown by a handler) as app errors. */
function fromNest(exception: unknown, req: Request): unknown {
  if (!(exception instanceof HttpException)) return exception;
  // Nest answers a request no route matches with this exact NotFoundException.
  if (
    exception instanceof NotFoundException &&
    exception.message === `Cannot ${req.method} ${req.originalUrl}`
  ) {
    return new NotFoundError(`No route matches ${req.method} ${req.path}.`);
  }
  const status = exception.getStatus();
  return new AppError(status, HttpStatus[status] ?? "HTTP_ERROR", exception.message);
}
