import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

const labelNames = ["method", "route", "status"] as const;

/**
 * The app's Prometheus metrics, in a registry of its own: requests by method, route template
 * and status (a count and a duration histogram), and Node's process metrics (CPU, memory,
 * event loop lag, garbage collection).
 */
export class HttpMetrics {
  readonly registry = new Registry();

  private readonly requests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests answered",
    labelNames,
    registers: [this.registry],
  });

  private readonly duration = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time to answer an HTTP request, in seconds",
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /**
   * Counts an answered request. `route` is the template of the route that answered
   * (`/api/v1/todos/:id`), never the URL itself, so the number of series stays bounded.
   */
  observe(method: string, route: string | undefined, status: number, seconds: number): void {
    const labels = { method, route: route || "unmatched", status: String(status) };
    this.requests.inc(labels);
    this.duration.observe(labels, seconds);
  }

  /** The metrics in Prometheus's text format, and its content type. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
