import type { Context } from "hono";
import { rateLimiter, type Store } from "hono-rate-limiter";
import { RateLimitedError } from "../core/errors.js";
import type { AppEnv } from "./app-env.js";
import { clientNetwork, requestClientAddress } from "./client-address.js";

interface RateLimitOptions {
  windowMs: number;
  limit: number;
  trustProxy: number;
  /** Where hits are counted; in memory by default. */
  store?: Store<AppEnv>;
  /** Requests this limiter does not count; none by default. */
  skip?: (c: Context<AppEnv>) => boolean;
}

/**
 * Limits requests per client (an IPv6 one by its /64 network) within a fixed window. By default
 * the count is kept in memory, so each instance counts on its own; a shared `store` limits across
 * instances.
 */
export function rateLimit({ windowMs, limit, trustProxy, store, skip }: RateLimitOptions) {
  return rateLimiter<AppEnv>({
    windowMs,
    limit,
    store,
    skip,
    standardHeaders: "draft-7",
    keyGenerator: (c) => clientNetwork(requestClientAddress(c, trustProxy)),
    // The limiter has set Retry-After; the error handler turns this into the 429 problem.
    handler: () => {
      throw new RateLimitedError();
    },
  });
}
