import { Router } from "express";
import { ServiceUnavailableError } from "../core/errors.js";

type ReadinessCheck = () => Promise<unknown>;

/** `/health` touches nothing; `/ready` succeeds only when every check does. */
export function healthRouter(checks: ReadinessCheck[]): Router {
  const router = Router();
  router.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/ready", async (req, res) => {
    try {
      await Promise.all(checks.map((check) => check()));
    } catch (error) {
      req.log.warn({ err: error }, "readiness check failed");
      throw new ServiceUnavailableError("A dependency is not ready.");
    }
    res.json({ status: "ok" });
  });
  return router;
}
