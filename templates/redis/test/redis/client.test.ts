import { once } from "node:events";
import { type AddressInfo, connect, createServer, type Socket } from "node:net";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { connectRedis } from "../../src/redis/client.js";

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
    stop: () => {
      server.close();
      for (const socket of sockets) socket.destroy();
    },
    /** Keeps the connections open but lets nothing through: a server that stopped answering. */
    stall: () => {
      for (const socket of sockets) socket.unpipe();
    },
  };
}

const proxies: Awaited<ReturnType<typeof startProxy>>[] = [];

afterEach(() => {
  for (const proxy of proxies.splice(0)) proxy.stop();
});

// These need a Redis server: set REDIS_URL to run them (the CI workflow does). The proxy passes
// bytes on, so a TLS server (rediss://) would not accept its address as the one it certifies.
describe.runIf(process.env.REDIS_URL?.startsWith("redis://"))("connectRedis", () => {
  async function connectThroughProxy() {
    const proxy = await startProxy(new URL(process.env.REDIS_URL ?? ""));
    proxies.push(proxy);
    return { proxy, redis: await connectRedis(proxy.url, logger, { commandTimeoutMs: 200 }) };
  }

  it("closes the connection, and stops reconnecting, while Redis cannot be reached", async () => {
    const { proxy, redis } = await connectThroughProxy();
    const reconnecting = once(redis.client, "reconnecting");
    proxy.stop();
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
    const ended = once(redis.client, "end");

    await expect(redis.close()).resolves.toBeUndefined();
    await ended;
  });
});
