import type { Params } from "nestjs-pino";
import type { Logger } from "pino";
import { requestLogLevel, serializeError } from "../core/logger.js";
import { resolveRequestId } from "../core/request-id.js";

/**
 * nestjs-pino's request logging: one line per request, on the app's logger (so credentials are
 * redacted), with the request id that is also sent back as `X-Request-Id`. pino-http puts its
 * own error serializer on its lines unless given one: the app's keeps queries' values out.
 */
export function httpLoggerOptions(logger: Logger): Params {
  return {
    pinoHttp: {
      logger,
      serializers: { err: serializeError },
      genReqId: (req, res) => {
        const id = resolveRequestId(req.headers["x-request-id"]);
        res.setHeader("X-Request-Id", id);
        return id;
      },
      // A response that failed after its headers were sent keeps their status; it is an error.
      customLogLevel: (req, res, err) =>
        requestLogLevel(req.url ?? "/", err || res.err ? 500 : res.statusCode),
    },
  };
}
