import type { RateLimitPluginOptions } from "@fastify/rate-limit";
import { RateLimitedError } from "../core/errors.js";

/**
 * Limits requests per client IP within a fixed window. By default the count is kept in memory,
 * so each instance counts on its own; a `redis` option shares one limit between instances.
 */
export function rateLimitOptions(timeWindow: number, max: number): RateLimitPluginOptions {
  return {
    timeWindow,
    max,
    // The limiter has already set Retry-After; the error only shapes the problem body.
    errorResponseBuilder: () => new RateLimitedError(),
  };
}
