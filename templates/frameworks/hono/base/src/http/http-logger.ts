import { pinoLogger } from "hono-pino";
import type { Logger } from "pino";
import { redactUrl, requestLogLevel } from "../core/logger.js";

/**
 * hono-pino: `c.var.logger` for handlers, and one line per request when it completes, carrying
 * its id (`reqId`, from hono/request-id), at the level requestLogLevel picks, and hono-pino's
 * request fields with the path through `redactUrl`. A 5xx line carries the error, in `err`
 * only: hono-pino's own message would be the error's message.
 */
export const httpLogger = (logger: Logger) =>
  pinoLogger({
    pino: logger,
    http: {
      onReqBindings: (c) => ({
        req: { url: redactUrl(c.req.path), method: c.req.method, headers: c.req.header() },
      }),
      onResLevel: (c) => requestLogLevel(c.req.path, c.res.status),
      onResMessage: () => "request completed",
      onResBindings: (c) => ({
        res: { status: c.res.status },
        ...(c.res.status >= 500 && { err: c.error }),
      }),
    },
  });
