import { Injectable, type NestMiddleware } from "@nestjs/common";
import type { NextFunction, Request, Response } from "express";
import { HttpMetrics } from "../metrics/http-metrics.js";

/**
 * Counts every request once it is answered, by method, route template (the path of the route
 * Express matched: `/api/v1/todos/:id`) and status, whatever answered it: a controller, a guard,
 * the exception filter.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: HttpMetrics) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const start = performance.now();
    res.once("finish", () => {
      const route: string | undefined = req.route?.path;
      this.metrics.observe(req.method, route, res.statusCode, (performance.now() - start) / 1000);
    });
    next();
  }
}
