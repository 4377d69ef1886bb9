import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { ServiceUnavailableError } from "../core/errors.js";
import { jsonResponse, problemResponse } from "../openapi/responses.js";
import type { AppEnv } from "./app-env.js";

type ReadinessCheck = () => Promise<unknown>;

const statusSchema = z.object({ status: z.literal("ok") }).meta({ id: "Status" });

const health = createRoute({
  operationId: "getHealth",
  method: "get",
  path: "/health",
  tags: ["system"],
  security: [],
  summary: "Liveness: the process is up",
  responses: {
    200: jsonResponse("Alive", statusSchema),
    500: problemResponse("Unexpected error"),
  },
});

const ready = createRoute({
  operationId: "getReadiness",
  method: "get",
  path: "/ready",
  tags: ["system"],
  security: [],
  summary: "Readiness: dependencies answer",
  responses: {
    200: jsonResponse("Ready", statusSchema),
    500: problemResponse("Unexpected error"),
    503: problemResponse("A dependency is not ready"),
  },
});

/** `/health` touches nothing; `/ready` succeeds only when every check does. */
export function healthRoutes(checks: ReadinessCheck[]) {
  return new OpenAPIHono<AppEnv>()
    .openapi(health, (c) => c.json({ status: "ok" as const }, 200))
    .openapi(ready, async (c) => {
      try {
        await Promise.all(checks.map((check) => check()));
      } catch (error) {
        c.var.logger.warn({ err: error }, "readiness check failed");
        throw new ServiceUnavailableError("A dependency is not ready.");
      }
      return c.json({ status: "ok" as const }, 200);
    });
}
