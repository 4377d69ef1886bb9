import { randomUUID } from "node:crypto";
import { RequestError } from "@hono/node-server";
import type { Logger } from "pino";
import { AppError } from "../core/errors.js";
import { toProblem } from "../core/problem.js";

/**
 * The `errorHandler` of `getRequestListener()`. @hono/node-server refuses a request it cannot
 * turn into a web `Request` (a Host header that is no host name, a backslash in the path) before
 * the app sees it: such a request is answered and logged like those Node's HTTP parser rejects
 * (src/core/http-server.ts), with a problem document and a new request id. Any other error here
 * is one the app's own error handler could not answer.
 */
export function answerRefusedRequest(logger: Pick<Logger, "warn" | "error">) {
  return (error: unknown): Response => {
    const requestId = randomUUID();
    const refused = error instanceof RequestError;
    const { status, headers, body } = toProblem(
      refused
        ? new AppError(400, "BAD_REQUEST", "The request's Host or path is not valid.")
        : error,
      requestId,
    );
    if (refused) {
      logger.warn(
        { requestId, status, reason: error.message },
        "request rejected by the HTTP server",
      );
    } else {
      logger.error({ err: error, requestId, status }, "request failed");
    }
    return new Response(JSON.stringify(body), {
      status,
      headers: {
        ...headers,
        "Content-Type": "application/problem+json",
        "X-Request-Id": requestId,
        "X-Content-Type-Options": "nosniff",
      },
    });
  };
}
