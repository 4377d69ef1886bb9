import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";
import { requestLogLevel } from "../core/logger.js";
import { resolveRequestId } from "../core/request-id.js";

declare module "express-serve-static-core" {
  interface Locals {
    /** The request id: a valid incoming `X-Request-Id`, else a new UUID. */
    requestId: string;
    /** A logger whose lines carry the request id. */
    logger: Logger;
    /** An unexpected error behind a 5xx answer, logged (with its stack) on the request line. */
    error?: unknown;
  }
}

/**
 * Sets `X-Request-Id`, gives the request its own logger and logs one line when the response
 * is finished, at the level requestLogLevel picks (successful probes only at debug).
 * Deliberately small: request logging runs on every request, and a general purpose HTTP logger
 * that serialises whole requests costs more than most handlers do. The line's fields are flat:
 * under `req`/`res` keys, pino would copy and re-serialise each line to apply the header
 * redaction paths.
 *
 * The id and logger live in `res.locals`, Express's place for values of one request, rather than
 * on `req`: Express gives `req` and `res` new prototypes on every request, after which V8 makes
 * each property added to them a slow store (about two microseconds apiece on Node 20).
 */
export function httpLogger(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = performance.now();
    const requestId = resolveRequestId(req.headers["x-request-id"]);
    const log = logger.child({ requestId });
    res.locals.requestId = requestId;
    res.locals.logger = log;
    res.setHeader("X-Request-Id", requestId);
    res.on("finish", () => {
      const { statusCode } = res;
      const level = requestLogLevel(req.originalUrl, statusCode);
      if (!log.isLevelEnabled(level)) return;
      const { error } = res.locals;
      log[level](
        {
          method: req.method,
          url: req.originalUrl,
          statusCode,
          responseTime: Math.round(performance.now() - started),
          ...(error !== undefined && { err: error }),
        },
        "request completed",
      );
    });
    next();
  };
}
