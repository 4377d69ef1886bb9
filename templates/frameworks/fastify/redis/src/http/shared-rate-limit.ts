import type { RateLimitPluginOptions } from "@fastify/rate-limit";
import type { RedisConnection } from "../redis/client.js";

/**
 * Options that keep the limits in Redis, so every instance on the same server counts against
 * one limit (a route's own limit, like the auth routes', gets keys of its own). While Redis
 * cannot answer, requests pass unlimited rather than fail: an outage of the limiter's store
 * must not take the API down. The connection logs the outage.
 */
export function sharedRateLimit(redis: RedisConnection): RateLimitPluginOptions {
  return {
    redis: redis.client,
    nameSpace: `${redis.keyPrefix}rate-limit:`,
    skipOnError: true,
  };
}
