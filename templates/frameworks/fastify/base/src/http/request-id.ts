import { type FastifyServerOptions, LogController } from "fastify";
import fp from "fastify-plugin";
import { resolveRequestId } from "../core/request-id.js";

/**
 * Fastify's own `requestIdHeader` would trust any incoming value; `genReqId` keeps only a
 * well-formed one, and the id is logged as `requestId`, the name the problem bodies use.
 * Fastify's two request lines are off: `request-logging.ts` writes one per request instead.
 */
export const requestIdOptions = {
  requestIdHeader: false,
  logController: new LogController({
    requestIdLogLabel: "requestId",
    disableRequestLogging: true,
  }),
  genReqId: (req) => resolveRequestId(req.headers["x-request-id"]),
} satisfies FastifyServerOptions;

/** Sets `X-Request-Id` on every response, errors and 404s included. */
export const echoRequestId = fp(
  async (app) => {
    app.addHook("onRequest", (request, reply, done) => {
      reply.header("X-Request-Id", request.id);
      done();
    });
  },
  { name: "echo-request-id" },
);
