import { type MiddlewareConsumer, Module, type NestModule } from "@nestjs/common";
import { HttpMetrics } from "../metrics/http-metrics.js";
import { MetricsController } from "./metrics.controller.js";
import { HttpMetricsMiddleware } from "./metrics.middleware.js";

/** Prometheus metrics: every request counted, and `GET /metrics` to scrape them. */
@Module({ controllers: [MetricsController], providers: [HttpMetrics] })
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes("{*path}");
  }
}
