import fp from "fastify-plugin";
import { HttpMetrics } from "../metrics/http-metrics.js";
import { checkMetricsToken } from "../metrics/metrics-token.js";

export interface MetricsOptions {
  /** The bearer token a scrape must send. */
  token: string;
}

/**
 * Counts every request when it is answered (the `onResponse` hook), by method, route template
 * and status, and serves `GET /metrics` in Prometheus's text format: not rate limited, and left
 * out of the OpenAPI document.
 */
export const metrics = fp<MetricsOptions>(
  async (app, { token }) => {
    const metrics = new HttpMetrics();

    app.addHook("onResponse", async (request, reply) => {
      const route = request.routeOptions.url;
      metrics.observe(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    });

    app.get(
      "/metrics",
      { config: { rateLimit: false }, schema: { hide: true } },
      async (request, reply) => {
        checkMetricsToken(request.headers.authorization, token);
        const { contentType, body } = await metrics.exposition();
        return reply.type(contentType).send(body);
      },
    );
  },
  { name: "metrics" },
);
