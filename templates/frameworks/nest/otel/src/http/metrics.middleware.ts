import { Injectable, type NestMiddleware } from "@nestjs/common";
import type { NextFunction, Request, Response } from "express";
import { HttpMetrics } from "../metrics/http-metrics.js";

/**
 * Counts every request once it is answered, by method, route template (the path of the route
 * Express matched: `/api/v1/todos/:id`, or `unmatched`) and status, whatever answered it: a
 * controller, a guard, the exception filter.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: HttpMetrics) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const start = performance.now();
    // Nest mounts middleware as Express routes too: while req.route is still this middleware's
    // own (`{/*splat}`), no controller's route has matched the request.
    const middlewarePath: unknown = req.route?.path;
    res.once("finish", () => {
      const path: string | undefined = req.route?.path;
      const route = path === middlewarePath ? undefined : path;
      this.metrics.observe(req.method, route, res.statusCode, (performance.now() - start) / 1000);
    });
    next();
  }
}
