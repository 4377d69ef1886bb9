import { Agent, createServer, type IncomingMessage, request } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { gracefulClose } from "../../src/core/graceful-close.js";
import { createLogger } from "../../src/core/logger.js";

interface Answer {
  status?: number;
  connection?: string;
  error?: string;
}

/** A server whose `/slow` requests (and the end of `/stream`) wait until `release()` is called. */
async function slowServer() {
  const logs: string[] = [];
  const logger = createLogger("info", { write: (line: string) => logs.push(line) });
  const waiting: (() => void)[] = [];
  const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
    if (req.url === "/slow") waiting.push(() => res.end("slow"));
    else if (req.url === "/stream") {
      res.writeHead(200).write("started");
      waiting.push(() => res.end());
    } else res.end("fast");
  });
  const close = gracefulClose(server, logger);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const arrived = async (count: number) => {
    while (waiting.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  const release = () => {
    for (const respond of waiting.splice(0)) respond();
  };
  return { server, port, close, arrived, release, logs };
}

// Keeps idle connections open for as long as the server does.
const agent = new Agent({ keepAlive: true });
afterAll(() => agent.destroy());

/** A keep-alive request: what the server answered, or how the connection failed. */
function get(port: number, path: string): Promise<Answer> {
  return new Promise((resolve) => {
    const req = request({ port, host: "127.0.0.1", path, agent });
    req.on("response", (res: IncomingMessage) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode, connection: res.headers.connection }));
    });
    req.on("error", (error: NodeJS.ErrnoException) => resolve({ error: error.code }));
    req.end();
  });
}

describe("gracefulClose", () => {
  it("answers in-flight requests with Connection: close, then closes", async () => {
    const { server, port, close, arrived, release } = await slowServer();
    expect(await get(port, "/fast")).toEqual({ status: 200, connection: "keep-alive" });
    const slow = get(port, "/slow");
    await arrived(1);
    const stopped = close(60_000);
    release();
    expect(await slow).toEqual({ status: 200, connection: "close" });
    await stopped;
    expect(server.listening).toBe(false);
  });

  it("does not wait for idle keep-alive connections", async () => {
    const { port, close } = await slowServer();
    expect(await get(port, "/fast")).toMatchObject({ status: 200 });
    // Without closing idle connections, this would wait out the 60 s keep-alive timeout.
    await close(60_000);
  });

  it("closes the connection of a response that had started before, once it ends", async () => {
    const { port, close, arrived, release } = await slowServer();
    const stream = get(port, "/stream");
    await arrived(1);
    const stopped = close(60_000);
    release();
    expect(await stream).toEqual({ status: 200, connection: "keep-alive" });
    await stopped;
  });

  it("cuts the requests still in flight after the timeout, saying so", async () => {
    const { port, close, arrived, logs } = await slowServer();
    const slow = get(port, "/slow");
    await arrived(1);
    await close(10);
    expect(await slow).toMatchObject({ error: expect.any(String) });
    expect(logs.join("\n")).toContain("shutdown timeout");
  });
});
