import type { Logger } from "pino";
import { pinoHttp } from "pino-http";
import { resolveRequestId } from "../core/request-id.js";

/** Logs every request with its id, and sets `X-Request-Id` on the response. */
export function httpLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const id = resolveRequestId(req.headers["x-request-id"]);
      res.setHeader("X-Request-Id", id);
      return id;
    },
  });
}
