import type { MiddlewareHandler } from "hono";
import { resolveRequestId } from "../core/request-id.js";
import type { AppEnv } from "./app-env.js";
import { setResponseHeaders } from "./response-headers.js";
import { securityHeaders } from "./security-headers.js";

/**
 * Sets `c.var.requestId` (a valid incoming `X-Request-Id`, else a UUID) and answers with it and
 * the security headers. Nothing to do after the handler, so it returns next() instead of
 * awaiting it.
 */
export const requestId: MiddlewareHandler<AppEnv> = (c, next) => {
  const id = resolveRequestId(c.req.header("x-request-id"));
  c.set("requestId", id);
  setResponseHeaders(c, securityHeaders);
  setResponseHeaders(c, [["X-Request-Id", id]]);
  return next();
};
