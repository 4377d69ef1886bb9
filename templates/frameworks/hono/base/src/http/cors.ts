import type { MiddlewareHandler } from "hono";
import { cors as honoCors } from "hono/cors";
import { corsHeaders } from "../core/cors.js";
import type { AppEnv } from "./app-env.js";
import { setResponseHeaders } from "./response-headers.js";

const exposeHeaders = ["X-Request-Id"];

/**
 * CORS for `origins` (`*` allows any). Preflights are answered by hono/cors. Other responses
 * get their headers here (see core/cors.ts), before the handler runs: hono/cors sets them on
 * `c.res` around the handler, which makes @hono/node-server rebuild every response as a stream
 * instead of writing it directly.
 */
export function cors(origins: string[]): MiddlewareHandler<AppEnv> {
  const preflight = honoCors({ origin: origins.includes("*") ? "*" : origins, exposeHeaders });
  const headersFor = corsHeaders(origins, exposeHeaders);
  return (c, next) => {
    if (c.req.method === "OPTIONS") return preflight(c, next);
    setResponseHeaders(c, headersFor(c.req.header("origin")));
    return next();
  };
}
