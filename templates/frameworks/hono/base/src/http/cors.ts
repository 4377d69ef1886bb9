import type { MiddlewareHandler } from "hono";
import { cors as honoCors } from "hono/cors";
import type { AppEnv } from "./app-env.js";
import { setResponseHeaders } from "./response-headers.js";

const exposeHeaders = ["X-Request-Id"];

/**
 * CORS for `origins` (`*` allows any). Preflights are answered by hono/cors. On other requests
 * the headers are set here before the handler runs: hono/cors sets them on `c.res` around the
 * handler, which makes @hono/node-server rebuild every response as a stream instead of writing
 * it directly.
 */
export function cors(origins: string[]): MiddlewareHandler<AppEnv> {
  const anyOrigin = origins.includes("*");
  const preflight = honoCors({ origin: anyOrigin ? "*" : origins, exposeHeaders });
  const allow = (origin: string): [string, string][] => [
    ["Access-Control-Allow-Origin", origin],
    ["Access-Control-Expose-Headers", exposeHeaders.join(",")],
  ];
  const anyOriginHeaders = allow("*");
  return (c, next) => {
    if (c.req.method === "OPTIONS") return preflight(c, next);
    if (anyOrigin) setResponseHeaders(c, anyOriginHeaders);
    else {
      const origin = c.req.header("origin");
      setResponseHeaders(c, [["Vary", "Origin"]]);
      if (origin && origins.includes(origin)) setResponseHeaders(c, allow(origin));
    }
    return next();
  };
}
