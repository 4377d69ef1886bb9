import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { pinoLogger } from "hono-pino";
import type { Logger } from "pino";
import { redactUrl, requestLogLevel } from "../core/logger.js";
import { requestClientAddress } from "./client-address.js";

/**
 * The fields Fastify logs of a request, not its headers (any of which may carry a credential):
 * the path and query through `redactUrl`, and the client's address, counted as the rate limiter
 * counts it.
 */
function requestFields(c: Context, trustProxy: number) {
  const { pathname, search, host } = new URL(c.req.url);
  return {
    method: c.req.method,
    url: redactUrl(`${pathname}${search}`),
    host,
    remoteAddress: requestClientAddress(c, trustProxy),
    // app.request() in tests has no socket.
    remotePort: c.env?.incoming ? getConnInfo(c).remote.port : undefined,
  };
}

/**
 * hono-pino: `c.var.logger` for handlers, and one line per request when it completes, carrying
 * its id (`reqId`, from hono/request-id), at the level requestLogLevel picks, with the request's
 * fields, the status and a redirect's `Location` through `redactUrl`. A 5xx line carries the
 * error, in `err` only: hono-pino's own message would be the error's message.
 */
export const httpLogger = (logger: Logger, trustProxy: number) =>
  pinoLogger({
    pino: logger,
    http: {
      onReqBindings: (c) => ({ req: requestFields(c, trustProxy) }),
      onResLevel: (c) => requestLogLevel(c.req.path, c.res.status),
      onResMessage: () => "request completed",
      onResBindings: (c) => {
        const location = c.res.headers.get("location");
        return {
          res: { statusCode: c.res.status, ...(location && { location: redactUrl(location) }) },
          ...(c.res.status >= 500 && { err: c.error }),
        };
      },
    },
  });
