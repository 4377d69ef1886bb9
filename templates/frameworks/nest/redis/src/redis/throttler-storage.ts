import type { ThrottlerStorage } from "@nestjs/throttler";
import type { Logger } from "pino";
import type { RedisConnection } from "./client.js";
import { storeFailureReporter } from "./store-failures.js";

// Counts a hit in a fixed window: the first hit starts the window, the key expires with it.
const countHit = `
local hits = redis.call("INCR", KEYS[1])
if hits == 1 then redis.call("PEXPIRE", KEYS[1], ARGV[1]) end
return { hits, redis.call("PTTL", KEYS[1]) }
`;

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage["increment"]>>;

/**
 * @nestjs/throttler's storage in Redis, so every instance on the same server counts against one
 * limit. While Redis cannot answer, requests pass unlimited (and are reported) rather than
 * fail: an outage of the limiter's store must not take the API down.
 *
 * A client over the limit waits for the end of its window; a throttler's `blockDuration` (which
 * the app does not set) is not used.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly report: (error: unknown) => void;

  constructor(
    private readonly redis: RedisConnection,
    logger: Logger,
  ) {
    this.report = storeFailureReporter(logger);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    try {
      const redisKey = `${this.redis.keyPrefix}rate-limit:${throttlerName}:${key}`;
      const [totalHits, ttlLeft] = (await this.redis.client.eval(countHit, 1, redisKey, ttl)) as [
        number,
        number,
      ];
      const timeToExpire = Math.ceil(Math.max(ttlLeft, 0) / 1000);
      const isBlocked = totalHits > limit;
      return {
        totalHits,
        timeToExpire,
        isBlocked,
        timeToBlockExpire: isBlocked ? timeToExpire : 0,
      };
    } catch (error) {
      this.report(error);
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }
}
