import fastifyCors from "@fastify/cors";
import fp from "fastify-plugin";
import { corsHeaders, exposedHeaders, originOption } from "../core/cors.js";

export interface CorsOptions {
  /** Allowed origins; `*` allows any. */
  origins: string[];
}

/**
 * CORS for `origins`. Preflights (OPTIONS) are answered by @fastify/cors, registered in a
 * context of its own so that its hook runs for them only; every other response gets its headers
 * from one hook here (see core/cors.ts). @fastify/cors's hook, run on every request, rebuilds
 * its options and Fastify's route options (twice) each time.
 */
export const cors = fp<CorsOptions>(
  async (app, { origins }) => {
    await app.register(async (preflights) => {
      await preflights.register(fastifyCors, { origin: originOption(origins), exposedHeaders });
    });

    const headersFor = corsHeaders(origins, exposedHeaders);
    app.addHook("onRequest", (request, reply, done) => {
      if (request.method === "OPTIONS") return done();
      for (const [name, value] of headersFor(request.headers.origin)) reply.header(name, value);
      done();
    });
  },
  { name: "cors" },
);
