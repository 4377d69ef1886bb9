import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { answerClientError, rejectionOf, serverOptions } from "../../src/core/http-server.js";
import { captureLogs } from "../helpers/logs.js";
import { sendRaw } from "../helpers/raw-http.js";

const timeouts = {
  HEADERS_TIMEOUT_MS: 10_000,
  REQUEST_TIMEOUT_MS: 30_000,
  KEEP_ALIVE_TIMEOUT_MS: 65_000,
};

describe("serverOptions", () => {
  it("takes the timeouts from the config", () => {
    expect(serverOptions(timeouts)).toMatchObject({
      headersTimeout: 10_000,
      requestTimeout: 30_000,
      keepAliveTimeout: 65_000,
    });
  });

  it("keeps the headers timeout within the request timeout, as Node requires", () => {
    const options = serverOptions({ ...timeouts, HEADERS_TIMEOUT_MS: 60_000 });
    expect(options.headersTimeout).toBe(30_000);
    expect(() => createServer(options).close()).not.toThrow();
  });
});

describe("rejectionOf", () => {
  it.each([
    ["ERR_HTTP_REQUEST_TIMEOUT", 408, "REQUEST_TIMEOUT"],
    ["HPE_HEADER_OVERFLOW", 431, "HEADERS_TOO_LARGE"],
    ["HPE_INVALID_METHOD", 400, "BAD_REQUEST"],
    [undefined, 400, "BAD_REQUEST"],
  ])("answers %s with %i %s", (code, status, problemCode) => {
    const error: NodeJS.ErrnoException = Object.assign(new Error("parse error"), { code });
    expect(rejectionOf(error)).toMatchObject({ status, code: problemCode });
  });
});

describe("answerClientError", () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  /** Sends `raw` to a server that answers client errors, logging to `logger`; returns the answer. */
  function send(raw: string, logger = captureLogs().logger): Promise<string> {
    server = createServer((_request, response) => response.end("ok"));
    server.on("clientError", answerClientError(logger));
    return sendRaw(server, raw);
  }

  it("answers a request Node cannot parse with a problem document, and logs it", async () => {
    const { lines, logger } = captureLogs();
    const answer = await send("BREW /coffee HTTP/1.1\r\nHost: localhost\r\n\r\n", logger);
    const [head = "", body = ""] = answer.split("\r\n\r\n");
    expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(head).toContain("Content-Type: application/problem+json");
    const problem = JSON.parse(body);
    expect(problem).toMatchObject({ status: 400, code: "BAD_REQUEST", title: "Bad Request" });
    expect(head).toContain(`X-Request-Id: ${problem.requestId}`);
    expect(lines[0]).toMatchObject({ requestId: problem.requestId, status: 400 });
  });

  it("answers headers that are too large with 431", async () => {
    const answer = await send(`GET / HTTP/1.1\r\nX-Large: ${"a".repeat(20_000)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toContain('"code":"HEADERS_TOO_LARGE"');
  });
});
