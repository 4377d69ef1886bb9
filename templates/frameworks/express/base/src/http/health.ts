import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { Router } from "express";
import { z } from "zod";
import { ServiceUnavailableError } from "../core/errors.js";
import { jsonResponse, problemResponse } from "../openapi/responses.js";
import { routes } from "./route.js";

type ReadinessCheck = () => Promise<unknown>;

const statusSchema = z.object({ status: z.literal("ok") }).meta({ id: "Status" });

/** `/health` touches nothing; `/ready` succeeds only when every check does. */
export function healthRouter(registry: OpenAPIRegistry, checks: ReadinessCheck[]): Router {
  const router = Router();
  // Mounted before the rate limiter: platforms probe every few seconds.
  const route = routes(router, registry, { basePath: "", tags: ["system"], rateLimited: false });

  route(
    {
      method: "get",
      path: "/health",
      operationId: "getHealth",
      summary: "Liveness: the process is up",
      responses: { 200: jsonResponse("Alive", statusSchema) },
    },
    (_req, res) => {
      res.json({ status: "ok" });
    },
  );

  route(
    {
      method: "get",
      path: "/ready",
      operationId: "getReadiness",
      summary: "Readiness: dependencies answer",
      responses: {
        200: jsonResponse("Ready", statusSchema),
        503: problemResponse("A dependency is not ready"),
      },
    },
    async (req, res) => {
      try {
        await Promise.all(checks.map((check) => check()));
      } catch (error) {
        req.log.warn({ err: error }, "readiness check failed");
        throw new ServiceUnavailableError("A dependency is not ready.");
      }
      res.json({ status: "ok" });
    },
  );

  return router;
}
