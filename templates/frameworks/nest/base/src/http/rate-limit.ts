import type { RequestHandler } from "express";
import { rateLimit } from "express-rate-limit";
import { RateLimitedError } from "../core/errors.js";

// A platform polling its probes must never be locked out of them.
const probes = new Set(["/health", "/ready"]);

/**
 * Limits requests per client IP within a fixed window, in front of routing, so unknown routes
 * count too. The store is in memory, so each instance counts on its own; pass a shared `store`
 * to rateLimit() to limit across instances.
 */
export function rateLimiter(windowMs: number, limit: number): RequestHandler {
  const limiter = rateLimit({
    windowMs,
    limit,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    // Retry-After is already set by the limiter; the error only shapes the problem body.
    handler: (_req, _res, next) => next(new RateLimitedError()),
  });
  // Probes pass before the limiter rather than through its `skip` option: the limiter is
  // asynchronous and resolves the client address before it asks `skip`.
  return (req, res, next) => (probes.has(req.path) ? next() : limiter(req, res, next));
}
