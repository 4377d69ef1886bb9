import { createServer, type Server } from "node:http";
import { getRequestListener } from "@hono/node-server";
import type { Logger } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { answerRefusedRequest } from "../../src/http/refused-request.js";
import { captureLogs } from "../helpers/logs.js";
import { sendRaw } from "../helpers/raw-http.js";

describe("answerRefusedRequest", () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  /** Sends `raw` to a server whose app answers `fetch`; returns the answer's head and problem. */
  async function send(raw: string, fetch: () => Promise<Response>, logger: Logger) {
    server = createServer(
      getRequestListener(fetch, { errorHandler: answerRefusedRequest(logger) }),
    );
    const [head = "", body = ""] = (await sendRaw(server, raw)).split("\r\n\r\n");
    return { head, problem: JSON.parse(body.replace(/^[0-9a-f]+\r\n|\r\n0\r\n$/g, "")) };
  }

  it("answers a Host that is no host name with a 400 problem, and logs it", async () => {
    const { lines, logger } = captureLogs();
    const { head, problem } = await send(
      "GET /health HTTP/1.1\r\nHost: exa mple\r\nConnection: close\r\n\r\n",
      async () => new Response("ok"),
      logger,
    );
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head).toMatch(/content-type: application\/problem\+json/i);
    expect(head).toMatch(/x-content-type-options: nosniff/i);
    expect(problem).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    expect(head.toLowerCase()).toContain(`x-request-id: ${problem.requestId}`);
    expect(lines[0]).toMatchObject({ requestId: problem.requestId, status: 400 });
  });

  it("answers an error the app did not handle with a 500 problem that hides it", async () => {
    const { lines, logger } = captureLogs();
    const { head, problem } = await send(
      "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
      async () => {
        throw new Error("secret detail");
      },
      logger,
    );
    expect(head).toMatch(/^HTTP\/1\.1 500 /);
    expect(problem).toMatchObject({ status: 500, code: "INTERNAL_ERROR" });
    expect(JSON.stringify(problem)).not.toContain("secret detail");
    expect(lines[0]).toMatchObject({ requestId: problem.requestId });
  });
});
