import type { IncomingMessage, ServerResponse } from "node:http";
import type { Params } from "nestjs-pino";
import type { Logger } from "pino";
import { requestLogLevel } from "../core/logger.js";
import { resolveRequestId } from "../core/request-id.js";
import { httpLogSerializers } from "./log-serializers.js";

/**
 * Express middleware, mounted before any other: gives each request its id and sends it back as
 * `X-Request-Id`. Nest mounts its middleware (the request logger too) on route patterns, and the
 * router refuses a path whose percent-encoding does not decode before any of them runs; that
 * refusal carries the id too.
 */
export function assignRequestId(
  req: IncomingMessage & { id?: unknown },
  res: ServerResponse,
  next: () => void,
): void {
  req.id = resolveRequestId(req.headers["x-request-id"]);
  res.setHeader("X-Request-Id", req.id);
  next();
}

/**
 * nestjs-pino's request logging: one line per request, on the app's logger (so credentials are
 * redacted), with the request id `assignRequestId` gave it. pino-http puts its own serializers on
 * its lines unless given some: the app's keep secrets out.
 */
export function httpLoggerOptions(logger: Logger): Params {
  return {
    pinoHttp: {
      logger,
      serializers: httpLogSerializers,
      genReqId: (req, res) => {
        if (typeof req.id === "string") return req.id;
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
