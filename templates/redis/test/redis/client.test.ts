import { once } from "node:events";
import { type AddressInfo, connect, createServer, type Socket } from "node:net";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { connectRedis, type RedisConnection } from "../../src/redis/client.js";

const logger = pino({ level: "silent" });

/** A TCP proxy to the Redis server at `target`, which a test takes down as an outage would. */
async function startProxy(target: URL) {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    const upstream = connect(Number(target.port || 6379), target.hostname);
    for (const end of [socket, upstream]) {
      sockets.add(end);
      end.on("close", () => sockets.delete(end));
      end.on("error", () => {});
    }
    socket.pipe(upstream).pipe(socket);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const url = new URL(target);
  url.hostname = "127.0.0.1";
  url.port = String((server.address() as AddressInfo).port);
  return {
    url: url.href,
    /** Refuses new connections and cuts the open ones. */
    stop: async () => {
      if (!server.listening) return;
      server.close();
      for (const socket of sockets) socket.destroy();
      await once(server, "close");
    },
    /** Lets connections through again, on the same port. */
    restart: async () => {
      server.listen(Number(url.port), "127.0.0.1");
      await once(server, "listening");
    },
    /** Keeps the connections open but lets nothing through: a server that stopped answering. */
    stall: () => {
      for (const socket of sockets) socket.unpipe().resume();
    },
  };
}

const proxies: Awaited<ReturnType<typeof startProxy>>[] = [];

// Unlike `once` from node:events, not cut short by the client's "error" events.
const next = (redis: RedisConnection, event: string) =>
  new Promise((resolve) => redis.client.once(event, resolve));

afterEach(async () => {
  await Promise.all(proxies.splice(0).map((proxy) => proxy.stop()));
});

// These need a Redis server: set REDIS_URL to run them (the CI workflow does). The proxy passes
// bytes on, so a TLS server (rediss://) would not accept its address as the one it certifies.
describe.runIf(process.env.REDIS_URL?.startsWith("redis://"))("connectRedis", () => {
  async function connectThroughProxy(log = logger) {
    const proxy = await startProxy(new URL(process.env.REDIS_URL ?? ""));
    proxies.push(proxy);
    return { proxy, redis: await connectRedis(proxy.url, log, { commandTimeoutMs: 200 }) };
  }

  it("logs an outage once when it starts and once when it ends", async () => {
    const lines: { level: number; msg: string }[] = [];
    const log = pino({ level: "info" }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const { proxy, redis } = await connectThroughProxy(log);
    try {
      await proxy.stop();
      // ioredis tries again after 50 ms, then 100 ms, and so on: a few attempts that fail.
      for (let attempt = 0; attempt < 4; attempt++) await next(redis, "reconnecting");
      await proxy.restart();
      await next(redis, "ready");

      expect(lines.map(({ level, msg }) => [level, msg])).toEqual([
        [50, "redis connection lost, reconnecting"],
        [30, "redis connection restored"],
      ]);
    } finally {
      await redis.close();
    }
  });

  it("closes the connection, and stops reconnecting, while Redis cannot be reached", async () => {
    const { proxy, redis } = await connectThroughProxy();
    const reconnecting = next(redis, "reconnecting");
    await proxy.stop();
    await reconnecting;

    await expect(redis.close()).resolves.toBeUndefined();
    // ioredis retries after 50 ms at first, then a little later each time.
    const attempts: string[] = [];
    redis.client.on("connecting", () => attempts.push("connecting"));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(attempts).toEqual([]);
  });

  it("closes the connection when Redis stops answering", async () => {
    const { proxy, redis } = await connectThroughProxy();
    proxy.stall();
    const ended = next(redis, "end");

    await expect(redis.close()).resolves.toBeUndefined();
    await ended;
  });
});
