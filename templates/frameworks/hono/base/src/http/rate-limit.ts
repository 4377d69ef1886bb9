import type { MiddlewareHandler } from "hono";
import { rateLimiter } from "hono-rate-limiter";
import { RateLimitedError } from "../core/errors.js";
import type { AppEnv } from "./app-env.js";
import { clientAddress } from "./client-address.js";

interface RateLimitOptions {
  windowMs: number;
  limit: number;
  trustProxy: number;
}

/**
 * Limits requests per client address within a fixed window. The store is in memory, so each
 * instance counts on its own; pass a shared `store` to rateLimiter() to limit across instances.
 */
export function rateLimit({
  windowMs,
  limit,
  trustProxy,
}: RateLimitOptions): MiddlewareHandler<AppEnv> {
  return rateLimiter<AppEnv>({
    windowMs,
    limit,
    standardHeaders: "draft-7",
    keyGenerator: (c) =>
      clientAddress(
        // Requests made with app.request() (tests) have no socket.
        c.env?.incoming?.socket.remoteAddress ?? "unknown",
        c.req.header("x-forwarded-for"),
        trustProxy,
      ),
    // Retry-After is already set by the limiter; the error only shapes the problem body.
    handler: () => {
      throw new RateLimitedError();
    },
  });
}
