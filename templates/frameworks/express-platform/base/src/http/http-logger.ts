import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { resolveRequestId } from "../core/request-id.js";

declare module "node:http" {
  interface IncomingMessage {
    /** The request id: a valid incoming `X-Request-Id`, else a new UUID. */
    id: string;
    /** A logger whose lines carry the request id. */
    log: Logger;
  }
  interface ServerResponse {
    /** An unexpected error behind a 5xx answer, logged (with its stack) on the request line. */
    err?: unknown;
  }
}

/**
 * Sets `X-Request-Id`, gives the request its own logger and logs one line when the response
 * is finished. Deliberately small: request logging runs on every request, and a general
 * purpose HTTP logger that serialises whole requests costs more than most handlers do. The
 * line's fields are flat: under `req`/`res` keys, pino would copy and re-serialise each line to
 * apply the header redaction paths.
 */
export function httpLogger(logger: Logger) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const started = performance.now();
    const id = resolveRequestId(req.headers["x-request-id"]);
    req.id = id;
    req.log = logger.child({ reqId: id });
    res.setHeader("X-Request-Id", id);
    res.on("finish", () => {
      const line = {
        method: req.method,
        url: (req as { originalUrl?: string }).originalUrl ?? req.url,
        statusCode: res.statusCode,
        responseTime: Math.round(performance.now() - started),
      };
      if (res.err) req.log.error({ ...line, err: res.err }, "request failed");
      else req.log.info(line, "request completed");
    });
    next();
  };
}
