import type { FastifyServerOptions } from "fastify";
import fp from "fastify-plugin";
import { resolveRequestId } from "../core/request-id.js";

/**
 * Fastify's `genReqId`: a well-formed `X-Request-Id` from the client or a proxy is kept, anything
 * else is replaced with a UUID. (Fastify's `requestIdHeader` option would take any value as is.)
 */
export const genReqId: FastifyServerOptions["genReqId"] = (request) =>
  resolveRequestId(request.headers["x-request-id"]);

/** Sends the request id back in `X-Request-Id` on every response, errors and 404s included. */
export const echoRequestId = fp(
  async (app) => {
    app.addHook("onRequest", async (request, reply) => {
      reply.header("X-Request-Id", request.id);
    });
  },
  { name: "echo-request-id" },
);
