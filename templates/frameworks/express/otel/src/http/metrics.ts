import { type Request, type RequestHandler, Router } from "express";
import type { HttpMetrics } from "../metrics/http-metrics.js";
import { checkMetricsToken } from "../metrics/metrics-token.js";

/**
 * Counts every request once it is answered, by method, route template and status. The route
 * helper (`route.ts`) names each route it mounts in `res.locals.route`; other routes are known
 * by their own path, and a request no route matched as `unmatched`.
 */
export function recordMetrics(metrics: HttpMetrics): RequestHandler {
  // Named, as the trace names a middleware's span after its function.
  const countRequest: RequestHandler = (req, res, next) => {
    const start = performance.now();
    res.once("finish", () => {
      const route = res.locals.route ?? routePath(req);
      metrics.observe(req.method, route, res.statusCode, (performance.now() - start) / 1000);
    });
    next();
  };
  return countRequest;
}

function routePath(req: Request): string | undefined {
  return req.route ? `${req.baseUrl}${req.route.path}` : undefined;
}

/**
 * Records a route's template when it matches: Express empties `req.baseUrl` when an error leaves
 * a router, so by the time the error's answer is sent the template could not be worked out.
 */
export function nameRoute(route: string): RequestHandler {
  const recordRoute: RequestHandler = (_req, res, next) => {
    res.locals.route = route;
    next();
  };
  return recordRoute;
}

/** `GET /metrics` in Prometheus's text format, behind METRICS_TOKEN. */
export function metricsRouter(metrics: HttpMetrics, token: string): Router {
  const router = Router();
  router.get("/metrics", async (req, res) => {
    checkMetricsToken(req.headers.authorization, token);
    const { contentType, body } = await metrics.exposition();
    res.type(contentType).send(body);
  });
  return router;
}
