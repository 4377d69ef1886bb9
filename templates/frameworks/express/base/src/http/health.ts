import type { Express } from "express";
import { ServiceUnavailableError } from "../core/errors.js";

type ReadinessCheck = () => Promise<unknown>;

/**
 * `/health` touches nothing; `/ready` succeeds only when every check does. The probes are
 * routes of the app itself rather than of a mounted Router: they are the most frequent
 * requests a server gets, and each Router level is one more walk through a middleware stack.
 */
export function healthRoutes(app: Express, checks: ReadinessCheck[]): void {
  app.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/ready", async (_req, res) => {
    try {
      await Promise.all(checks.map((check) => check()));
    } catch (error) {
      res.locals.logger.warn({ err: error }, "readiness check failed");
      throw new ServiceUnavailableError("A dependency is not ready.");
    }
    res.json({ status: "ok" });
  });
}
