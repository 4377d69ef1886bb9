import { Module } from "@nestjs/common";
import { HttpMetrics } from "../metrics/http-metrics.js";
import { MetricsController } from "./metrics.controller.js";

/**
 * Prometheus metrics: `GET /metrics` to scrape them, and the registry that
 * `HttpMetricsMiddleware` (applied in AppModule, ahead of the body parser) counts requests in.
 */
@Module({ controllers: [MetricsController], providers: [HttpMetrics], exports: [HttpMetrics] })
export class MetricsModule {}
