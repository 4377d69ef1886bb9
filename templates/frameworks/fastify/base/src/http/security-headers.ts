import type { IncomingMessage, ServerResponse } from "node:http";
import fp from "fastify-plugin";
import helmet, { type HelmetOptions } from "helmet";

/**
 * helmet's headers on every response. @fastify/helmet builds helmet anew and runs it on each
 * request, but without per-request values (CSP nonces) the headers never change, so they are
 * collected from helmet once, at start-up, and set in one call.
 */
export const securityHeaders = fp<HelmetOptions>(
  async (app, options) => {
    const headers: Record<string, string> = {};
    const recorder = {
      // Lower-case names, as Fastify keeps them: reply.headers() then has nothing to convert.
      setHeader: (name: string, value: string) => {
        headers[name.toLowerCase()] = value;
      },
      removeHeader: () => {},
    };
    helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, () => {});
    app.addHook("onRequest", (_request, reply, done) => {
      reply.headers(headers);
      done();
    });
  },
  { name: "security-headers" },
);
