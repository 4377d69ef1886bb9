import type { Params } from "nestjs-pino";
import type { Logger } from "pino";
import { requestLogLevel } from "../core/logger.js";
import { resolveRequestId } from "../core/request-id.js";
import { httpLogSerializers } from "./log-serializers.js";

/**
 * nestjs-pino's request logging: one line per request, on the app's logger (so credentials are
 * redacted), with the request id that is also sent back as `X-Request-Id`. pino-http puts its
 * own serializers on its lines unless given some: the app's keep secrets out.
 */
export function httpLoggerOptions(logger: Logger): Params {
  return {
    pinoHttp: {
      logger,
      serializers: httpLogSerializers,
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
