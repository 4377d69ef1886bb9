import { trace } from "@opentelemetry/api";
import { Hono, type MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { HttpMetrics } from "../metrics/http-metrics.js";
import { checkMetricsToken } from "../metrics/metrics-token.js";
import type { AppEnv } from "./app-env.js";

/**
 * Counts every request once it is answered, by method, route template (the path of the route
 * that answered: `/api/v1/todos/:id`) and status. Hono has no OpenTelemetry instrumentation of
 * its own, so this also names the request's span after its route (`GET /api/v1/todos/:id`), as
 * OpenTelemetry's HTTP conventions ask.
 */
export function recordMetrics(metrics: HttpMetrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const start = performance.now();
    await next();
    const route = routePath(c);
    metrics.observe(c.req.method, route, c.res.status, (performance.now() - start) / 1000);
    trace.getActiveSpan()?.updateName(`${c.req.method} ${route}`).setAttribute("http.route", route);
  };
}

/** `GET /metrics` in Prometheus's text format, behind METRICS_TOKEN. */
export function metricsRoutes(metrics: HttpMetrics, token: string) {
  return new Hono<AppEnv>().get("/metrics", async (c) => {
    checkMetricsToken(c.req.header("authorization"), token);
    const { contentType, body } = await metrics.exposition();
    return c.body(body, 200, { "Content-Type": contentType });
  });
}
