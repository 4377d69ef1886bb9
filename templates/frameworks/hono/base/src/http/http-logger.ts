import { createMiddleware } from "hono/factory";
import type { Logger } from "pino";
import { requestLogLevel } from "../core/logger.js";
import type { AppEnv } from "./app-env.js";

/**
 * Gives each request a child logger carrying its id, and logs one line when it completes, at
 * the level requestLogLevel picks (successful probes only at debug). The line holds what an
 * operator searches by, not every header: serialising and redacting whole header sets on every
 * request costs more than most handlers do. Its fields are flat: under `req`/`res` keys, pino
 * would copy and re-serialise each line to apply the header redaction paths.
 */
export function httpLogger(logger: Logger) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    const log = logger.child({ requestId: c.get("requestId") });
    c.set("logger", log);
    await next();
    const status = c.res.status;
    const level = requestLogLevel(c.req.path, status);
    if (!log.isLevelEnabled(level)) return;
    const line = {
      method: c.req.method,
      url: c.req.path,
      statusCode: status,
      responseTime: Math.round(performance.now() - started),
      // pino leaves undefined fields out of the line.
      err: status >= 500 ? c.error : undefined,
    };
    log[level](line, "request completed");
  });
}
