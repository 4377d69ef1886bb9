import type { Options } from "express-rate-limit";
import type { Logger } from "pino";
import { type RedisReply, RedisStore } from "rate-limit-redis";
import type { RedisConnection } from "../redis/client.js";
import { storeFailureReporter } from "../redis/store-failures.js";

/**
 * Options that keep the limiter called `name` in Redis, so every instance on the same server
 * counts against one limit. While Redis cannot answer, requests pass unlimited (and are
 * reported) rather than fail: an outage of the limiter's store must not take the API down.
 */
export function sharedRateLimit(
  redis: RedisConnection,
  name: string,
  logger: Logger,
): Partial<Options> {
  const report = storeFailureReporter(logger);
  return {
    store: new RedisStore({
      prefix: `${redis.keyPrefix}rate-limit:${name}:`,
      sendCommand: (command, ...args) => redis.client.call(command, ...args) as Promise<RedisReply>,
    }),
    passOnStoreError: true,
    logger: {
      error: (error) => report(error),
      warn: (error, message) => logger.warn({ err: error }, message),
    },
  };
}
