import { createMiddleware } from "hono/factory";
import type { Level, Logger } from "pino";
import type { AppEnv } from "./app-env.js";

function levelFor(status: number): Level {
  if (status >= 500) return "error";
  return status >= 400 ? "warn" : "info";
}

/**
 * Gives each request a child logger carrying its id, and logs one line when it completes: what
 * an operator searches by, not every header (serialising and redacting whole header sets on
 * every request costs more than most handlers do).
 */
export function httpLogger(logger: Logger) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    const log = logger.child({ reqId: c.var.requestId });
    c.set("logger", log);
    await next();
    const status = c.res.status;
    log[levelFor(status)](
      {
        req: { method: c.req.method, url: c.req.path },
        res: { statusCode: status },
        responseTime: Math.round(performance.now() - started),
        ...(status >= 500 && c.error && { err: c.error }),
      },
      "request completed",
    );
  });
}
