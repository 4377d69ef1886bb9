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
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    skip: (req) => probes.has(req.path),
    // Retry-After is already set by the limiter; the error only shapes the problem body.
    handler: (_req, _res, next) => next(new RateLimitedError()),
  });
}
