import { randomUUID } from "node:crypto";
import { type ServerOptions, STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import type { Logger } from "pino";
import type { Config } from "../config/env.js";
import type { Problem } from "./problem.js";

type Timeouts = Pick<Config, "HEADERS_TIMEOUT_MS" | "REQUEST_TIMEOUT_MS" | "KEEP_ALIVE_TIMEOUT_MS">;

/** The Node HTTP server's timeouts, from the environment (see `.env.example`). */
export function serverOptions(config: Timeouts): ServerOptions {
  return {
    // Node refuses a headers timeout longer than the request timeout.
    headersTimeout: Math.min(config.HEADERS_TIMEOUT_MS, config.REQUEST_TIMEOUT_MS),
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    keepAliveTimeout: config.KEEP_ALIVE_TIMEOUT_MS,
    // How often the two timeouts above are checked: every 30 s by default, too late for them.
    connectionsCheckingInterval: 1_000,
  };
}

export interface Rejection {
  status: number;
  code: string;
  detail: string;
}

/** What Node's HTTP parser rejects before the app sees a request, by error code. */
const rejections: Record<string, Rejection> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    code: "REQUEST_TIMEOUT",
    detail: "The request was not received in time.",
  },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: "HEADERS_TOO_LARGE",
    detail: "The request headers are too large.",
  },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: {
    status: 413,
    code: "PAYLOAD_TOO_LARGE",
    detail: "The request body is too large.",
  },
};

const malformed: Rejection = {
  status: 400,
  code: "BAD_REQUEST",
  detail: "The request is not valid HTTP.",
};

/** How to answer a request Node's HTTP parser rejected with `error`. */
export function rejectionOf(error: NodeJS.ErrnoException): Rejection {
  return (error.code && rejections[error.code]) || malformed;
}

/** A complete HTTP response with a problem document, written straight to the socket. */
export function rejectionResponse({ status, code, detail }: Rejection, requestId: string): string {
  const title = STATUS_CODES[status] ?? "Error";
  const problem: Problem = { type: "about:blank", title, status, detail, code, requestId };
  const body = JSON.stringify(problem);
  return [
    `HTTP/1.1 ${status} ${title}`,
    "Content-Type: application/problem+json",
    `Content-Length: ${Buffer.byteLength(body)}`,
    `X-Request-Id: ${requestId}`,
    "X-Content-Type-Options: nosniff",
    "Connection: close",
    "",
    body,
  ].join("\r\n");
}

/**
 * Answers what Node's HTTP parser rejects (malformed requests, headers too large, requests too
 * slow to arrive) with a problem document instead of a bare status line, and logs it. Such a
 * request never reaches the app, so the answer has no CORS headers and a new request id.
 */
export function answerClientError(logger: Pick<Logger, "warn">) {
  return (error: NodeJS.ErrnoException, socket: Duplex): void => {
    if (error.code === "ECONNRESET" || !socket.writable) {
      socket.destroy();
      return;
    }
    const requestId = randomUUID();
    const rejection = rejectionOf(error);
    logger.warn(
      { requestId, status: rejection.status, reason: error.code },
      "request rejected by the HTTP server",
    );
    socket.end(rejectionResponse(rejection, requestId), () => socket.destroy());
  };
}
