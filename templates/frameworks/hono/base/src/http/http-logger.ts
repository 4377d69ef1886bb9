import { pinoLogger } from "hono-pino";
import type { Logger } from "pino";
import { requestLogLevel } from "../core/logger.js";

/**
 * hono-pino: `c.var.logger` for handlers, and one line per request when it completes, carrying
 * its id (`reqId`, from hono/request-id), at the level requestLogLevel picks. A 5xx line
 * carries the error, in `err` only: hono-pino's own message would be the error's message.
 */
export const httpLogger = (logger: Logger) =>
  pinoLogger({
    pino: logger,
    http: {
      onResLevel: (c) => requestLogLevel(c.req.path, c.res.status),
      onResMessage: () => "request completed",
      onResBindings: (c) => ({
        res: { status: c.res.status },
        ...(c.res.status >= 500 && { err: c.error }),
      }),
    },
  });
