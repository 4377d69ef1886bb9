import { type FastifyReply, type FastifyRequest, LogController } from "fastify";
import { redactUrl, requestLogLevel } from "../core/logger.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The error a 5xx answered, which the error handler leaves for the request's log line. */
    failure: Error | null;
  }
}

/**
 * Fastify's request serializer with the URL through `redactUrl`. Fastify puts a logger
 * instance's own serializers over its defaults: `logger.child({}, { serializers: { req: … } })`.
 */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket.remotePort,
  };
}

/**
 * Fastify's request log lines, labelled with `requestId` (the name the problem bodies use) and
 * leveled for operations: "incoming request" only at debug, and "request completed", which also
 * names the request, at the level `requestLogLevel` picks (warn for 4xx, error for 5xx, debug
 * for probes that succeed), with the error a 5xx answered (the error handler leaves it in
 * `request.failure`, a request decorator). At the default level each request makes one line.
 */
export class RequestLogController extends LogController {
  constructor() {
    super({ requestIdLogLabel: "requestId" });
  }

  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, "incoming request");
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (error) {
      super.requestCompleted(error, request, reply);
      return;
    }
    const level = requestLogLevel(request.url, reply.statusCode);
    const fields = {
      req: request,
      res: reply,
      responseTime: reply.elapsedTime,
      ...(request.failure && { err: request.failure }),
    };
    reply.log[level](fields, "request completed");
  }
}
