import type { RequestHandler } from "express";
import { type Options, rateLimit } from "express-rate-limit";
import { RateLimitedError } from "../core/errors.js";

/**
 * Limits requests per client IP within a fixed window. By default the count is kept in memory,
 * so each instance counts on its own; `options` can give a shared store (see `add cache redis`).
 */
export function rateLimiter(
  windowMs: number,
  limit: number,
  options: Partial<Options> = {},
): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    // Retry-After is already set by the limiter; the error only shapes the problem body.
    handler: (_req, _res, next) => next(new RateLimitedError()),
    ...options,
  });
}
