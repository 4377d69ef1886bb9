import type { RequestHandler } from "express";
import { rateLimit } from "express-rate-limit";
import { RateLimitedError } from "../core/errors.js";

/**
 * Limits requests per client IP within a fixed window. The store is in memory, so each instance
 * counts on its own; pass a shared `store` to rateLimit() to limit across instances.
 */
export function rateLimiter(windowMs: number, limit: number): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    // Retry-After is already set by the limiter; the error only shapes the problem body.
    handler: (_req, _res, next) => next(new RateLimitedError()),
  });
}
