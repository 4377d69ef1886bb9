import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Inject,
} from "@nestjs/common";
import type { Request, Response } from "express";
import type { Config } from "../config/env.js";
import { AppError } from "../core/errors.js";
import { toProblem } from "../core/problem.js";
import { CONFIG } from "../dependencies.module.js";

/** Answers every error, from a route, a guard, a pipe or a middleware, as a problem. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly exposeInternals: boolean;

  constructor(@Inject(CONFIG) config: Config) {
    this.exposeInternals = config.NODE_ENV === "development";
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    const problem = toProblem(fromNest(exception), {
      // Set by the request logger (nestjs-pino), which runs before any route.
      requestId: String(req.id),
      exposeInternals: this.exposeInternals,
    });
    // The request logger logs it, with its stack, on the request's line.
    if (problem.status >= 500 && exception instanceof Error) res.err = exception;
    res
      .status(problem.status)
      .set(problem.headers)
      .type("application/problem+json")
      .json(problem.body);
  }
}

/** Nest's own HTTP exceptions (thrown by Nest or a library) as app errors. */
function fromNest(exception: unknown): unknown {
  if (!(exception instanceof HttpException)) return exception;
  const status = exception.getStatus();
  return new AppError(status, HttpStatus[status] ?? "HTTP_ERROR", exception.message);
}
