import { createServer, type Server } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/core/logger.js";
import { answerRefusedRequest } from "../../src/http/refused-request.js";

describe("answerRefusedRequest", () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  /** Sends `raw` to a server whose app answers `fetch`, and returns the answer's head and body. */
  async function send(raw: string, fetch: () => Promise<Response>, logs: string[]) {
    const logger = createLogger("info", { write: (line: string) => logs.push(line) });
    server = createServer(
      getRequestListener(fetch, { errorHandler: answerRefusedRequest(logger) }),
    );
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const socket = connect(port, "127.0.0.1", () => socket.write(raw));
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk;
    });
    await new Promise((resolve) => socket.on("close", resolve));
    const [head = "", body = ""] = answer.split("\r\n\r\n");
    return { head, problem: JSON.parse(body.replace(/^[0-9a-f]+\r\n|\r\n0\r\n$/g, "")) };
  }

  it("answers a Host that is no host name with a 400 problem, and logs it", async () => {
    const logs: string[] = [];
    const { head, problem } = await send(
      "GET /health HTTP/1.1\r\nHost: exa mple\r\nConnection: close\r\n\r\n",
      async () => new Response("ok"),
      logs,
    );
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head).toMatch(/content-type: application\/problem\+json/i);
    expect(head).toMatch(/x-content-type-options: nosniff/i);
    expect(problem).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(head.toLowerCase()).toContain(`x-request-id: ${problem.requestId}`);
    expect(JSON.parse(logs[0] ?? "{}")).toMatchObject({
      requestId: problem.requestId,
      status: 400,
    });
  });

  it("answers an error the app did not handle with a 500 problem that hides it", async () => {
    const logs: string[] = [];
    const { head, problem } = await send(
      "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
      async () => {
        throw new Error("secret detail");
      },
      logs,
    );
    expect(head).toMatch(/^HTTP\/1\.1 500 /);
    expect(problem).toMatchObject({ status: 500, code: "INTERNAL_ERROR" });
    expect(JSON.stringify(problem)).not.toContain("secret detail");
    expect(JSON.parse(logs[0] ?? "{}")).toMatchObject({ requestId: problem.requestId });
  });
});
