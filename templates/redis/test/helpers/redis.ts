import { randomBytes } from "node:crypto";
import { pino } from "pino";
import { connectRedis, type RedisConnection } from "../../src/redis/client.js";

const logger = pino({ level: "silent" });

/**
 * A Redis connection for one test app when REDIS_URL is set (as in CI), else undefined: the
 * app then counts rate limits in memory. Each connection gets its own key prefix, so tests
 * running in parallel never share a counter; `close()` deletes its keys. Commands get ten
 * seconds rather than one: on a busy machine a slow answer would let a request through
 * uncounted, and a test of the limits would fail for nothing.
 */
export async function createTestRedis(
  keyPrefix = `test:${randomBytes(6).toString("hex")}:`,
): Promise<RedisConnection | undefined> {
  const url = process.env.REDIS_URL;
  if (!url) return undefined;
  const redis = await connectRedis(url, logger, { keyPrefix, commandTimeoutMs: 10_000 });
  return {
    ...redis,
    close: async () => {
      const keys = await redis.client.keys(`${keyPrefix}*`);
      if (keys.length > 0) await redis.client.del(...keys);
      await redis.close();
    },
  };
}
