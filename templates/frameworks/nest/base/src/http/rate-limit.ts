import type { RequestHandler } from "express";
import { type Options, rateLimit } from "express-rate-limit";
import { RateLimitedError } from "../core/errors.js";

// A platform polling its probes must never be locked out of them.
const probes = new Set(["/health", "/ready"]);

/**
 * Limits requests per client IP within a fixed window, in front of routing, so unknown routes
 * count too. By default the count is kept in memory, so each instance counts on its own;
 * `options` can give a shared store (see `add cache redis`).
 */
export function rateLimiter(
  windowMs: number,
  limit: number,
  options: Partial<Options> = {},
): RequestHandler {
  const limiter = rateLimit({
    windowMs,
    limit,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    // Retry-After is already set by the limiter; the error only shapes the problem body.
    handler: (_req, _res, next) => next(new RateLimitedError()),
    ...options,
  });
  // Probes pass before the limiter rather than through its `skip` option: the limiter is
  // asynchronous and resolves the client address before it asks `skip`.
  return (req, res, next) => (probes.has(req.path) ? next() : limiter(req, res, next));
}
