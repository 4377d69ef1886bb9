import type { MiddlewareHandler } from "hono";
import { cors as honoCors } from "hono/cors";

const exposeHeaders = ["X-Request-Id"];

/**
 * CORS for `origins` (`*` allows any). Preflights are answered by hono/cors. On other requests
 * the headers are set here before the handler runs: hono/cors sets them on `c.res` around the
 * handler, which makes @hono/node-server rebuild every response as a stream instead of writing
 * it directly.
 */
export function cors(origins: string[]): MiddlewareHandler {
  const anyOrigin = origins.includes("*");
  const preflight = honoCors({ origin: anyOrigin ? "*" : origins, exposeHeaders });
  return async (c, next) => {
    if (c.req.method === "OPTIONS") return preflight(c, next);
    let allowed: string | undefined;
    if (anyOrigin) allowed = "*";
    else {
      c.header("Vary", "Origin");
      const origin = c.req.header("origin");
      if (origin && origins.includes(origin)) allowed = origin;
    }
    if (allowed) {
      c.header("Access-Control-Allow-Origin", allowed);
      c.header("Access-Control-Expose-Headers", exposeHeaders.join(","));
    }
    await next();
  };
}
