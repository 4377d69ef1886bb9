import type { MiddlewareHandler } from "hono";
import { cors as honoCors } from "hono/cors";
import { corsHeaders, exposedHeaders, originOption } from "../core/cors.js";
import type { AppEnv } from "./app-env.js";
import { setResponseHeaders } from "./response-headers.js";

/**
 * CORS for `origins` (`*` allows any). Preflights are answered by hono/cors. Other responses
 * get their headers here (see core/cors.ts), before the handler runs: hono/cors sets them on
 * `c.res` around the handler, which makes @hono/node-server rebuild every response as a stream
 * instead of writing it directly.
 */
export function cors(origins: string[]): MiddlewareHandler<AppEnv> {
  const preflight = honoCors({ origin: originOption(origins), exposeHeaders: exposedHeaders });
  const headersFor = corsHeaders(origins, exposedHeaders);
  return (c, next) => {
    if (c.req.method === "OPTIONS") return preflight(c, next);
    setResponseHeaders(c, headersFor(c.req.header("origin")));
    return next();
  };
}
