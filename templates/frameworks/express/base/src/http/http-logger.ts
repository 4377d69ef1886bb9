import type { Request, Response } from "express";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";
import { requestLogLevel } from "../core/logger.js";
import { resolveRequestId } from "../core/request-id.js";
import { httpLogSerializers } from "./log-serializers.js";

/**
 * One log line per request, at the level requestLogLevel picks, and a request id (`req.id`)
 * that is sent back as `X-Request-Id` and logged on every line of `req.log`. pino-http puts
 * its own serializers on its lines unless given some: the app's keep secrets out.
 */
export function httpLogger(logger: Logger) {
  return pinoHttp<Request, Response>({
    logger,
    serializers: httpLogSerializers,
    genReqId: (req, res) => {
      const id = resolveRequestId(req.headers["x-request-id"]);
      res.setHeader("X-Request-Id", id);
      return id;
    },
    customLogLevel: (req, res) => requestLogLevel(req.originalUrl, res.statusCode),
  });
}
