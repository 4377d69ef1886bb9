import fastifyCors from "@fastify/cors";
import fp from "fastify-plugin";

export interface CorsOptions {
  /** Allowed origins; `*` allows any. */
  origins: string[];
}

const exposedHeaders = "X-Request-Id";

/**
 * CORS for `origins`. Preflights (OPTIONS) are answered by @fastify/cors, registered in a
 * context of its own so that its hook runs for them only; every other response gets its headers
 * from one hook here. @fastify/cors's hook, run on every request, rebuilds its options and
 * Fastify's route options (twice) each time.
 */
export const cors = fp<CorsOptions>(
  async (app, { origins }) => {
    const anyOrigin = origins.includes("*");
    await app.register(async (preflights) => {
      await preflights.register(fastifyCors, {
        origin: anyOrigin ? "*" : origins,
        exposedHeaders,
      });
    });

    const allowed = new Set(origins);
    const anyOriginHeaders = {
      "access-control-allow-origin": "*",
      "access-control-expose-headers": exposedHeaders,
    };
    app.addHook("onRequest", (request, reply, done) => {
      if (request.method === "OPTIONS") return done();
      if (anyOrigin) reply.headers(anyOriginHeaders);
      else {
        // The answer depends on the Origin header, so caches must keep one copy per origin.
        reply.header("vary", "Origin");
        const origin = request.headers.origin;
        if (origin && allowed.has(origin)) {
          reply.header("access-control-allow-origin", origin);
          reply.header("access-control-expose-headers", exposedHeaders);
        }
      }
      done();
    });
  },
  { name: "cors" },
);
