import { type RedisClient, RedisStore, type Store } from "hono-rate-limiter";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { RedisConnection } from "../redis/client.js";
import { storeFailureReporter } from "../redis/store-failures.js";
import type { AppEnv } from "./app-env.js";

/** hono-rate-limiter's Redis store speaks to its client through these four calls. */
function storeClient(client: Redis): RedisClient {
  return {
    scriptLoad: (script) => client.script("LOAD", script) as Promise<string>,
    evalsha: <TArgs extends unknown[], TData = unknown>(
      sha1: string,
      keys: string[],
      args: TArgs,
    ) => client.evalsha(sha1, keys.length, ...keys, ...args.map(String)) as Promise<TData>,
    decr: (key) => client.decr(key),
    del: (key) => client.del(key),
  };
}

/**
 * A store in Redis for the limiter called `name`, so every instance on the same server counts
 * against one limit. While Redis cannot answer, requests pass unlimited (and are reported)
 * rather than fail: an outage of the limiter's store must not take the API down.
 */
export function sharedRateLimitStore(
  redis: RedisConnection,
  name: string,
  logger: Logger,
): Store<AppEnv> {
  const store = new RedisStore<AppEnv>({
    client: storeClient(redis.client),
    prefix: `${redis.keyPrefix}rate-limit:${name}:`,
  });
  const report = storeFailureReporter(logger);
  return {
    init: (options) => store.init(options),
    get: (key) => store.get(key),
    increment: async (key) => {
      try {
        return await store.increment(key);
      } catch (error) {
        report(error);
        return { totalHits: 0 };
      }
    },
    decrement: (key) => store.decrement(key),
    resetKey: (key) => store.resetKey(key),
  };
}
