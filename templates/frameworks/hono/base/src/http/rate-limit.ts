import type { MiddlewareHandler } from "hono";
import { rateLimiter, type Store } from "hono-rate-limiter";
import { RateLimitedError } from "../core/errors.js";
import type { AppEnv } from "./app-env.js";
import { clientAddress } from "./client-address.js";

interface RateLimitOptions {
  windowMs: number;
  limit: number;
  trustProxy: number;
  /** Where hits are counted; in memory by default. */
  store?: Store<AppEnv>;
}

/**
 * Limits requests per client address within a fixed window. By default the count is kept in
 * memory, so each instance counts on its own; a shared `store` limits across instances.
 */
export function rateLimit({
  windowMs,
  limit,
  trustProxy,
  store,
}: RateLimitOptions): MiddlewareHandler<AppEnv> {
  return rateLimiter<AppEnv>({
    windowMs,
    limit,
    ...(store && { store }),
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
