import { createMiddleware } from "hono/factory";
import type { Level, Logger } from "pino";
import type { AppEnv } from "./app-env.js";

function levelFor(status: number): Level {
  if (status >= 500) return "error";
  return status >= 400 ? "warn" : "info";
}

/** Gives each request a child logger carrying its id, and logs one line when it completes. */
export function httpLogger(logger: Logger) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    const log = logger.child({ reqId: c.var.requestId });
    c.set("logger", log);
    await next();
    const { pathname, search } = new URL(c.req.url);
    const status = c.res.status;
    log[levelFor(status)](
      {
        // Logged as pino-http does, so the logger's redaction of secret headers applies.
        req: { method: c.req.method, url: pathname + search, headers: c.req.header() },
        res: { statusCode: status },
        responseTime: Math.round(performance.now() - started),
        ...(status >= 500 && c.error && { err: c.error }),
      },
      "request completed",
    );
  });
}
