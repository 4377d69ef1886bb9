import type { MiddlewareHandler } from "hono";
import { requestId as assignRequestId } from "hono/request-id";
import { resolveRequestId } from "../core/request-id.js";
import type { AppEnv } from "./app-env.js";

const assign = assignRequestId({
  // An empty header name turns off hono's own check of the incoming id, whose rules differ
  // from the shared ones in resolveRequestId.
  headerName: "",
  generator: (c) => resolveRequestId(c.req.header("x-request-id")),
});

/** Sets `c.var.requestId` (a valid incoming `X-Request-Id`, else a UUID) and answers with it. */
export const requestId: MiddlewareHandler<AppEnv> = (c, next) =>
  assign(c, async () => {
    c.header("X-Request-Id", c.get("requestId"));
    await next();
  });
