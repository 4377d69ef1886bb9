import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ServiceUnavailableError } from "../core/errors.js";
import { problemResponse } from "./responses.js";

type ReadinessCheck = () => Promise<unknown>;

export interface HealthOptions {
  checks: ReadinessCheck[];
}

const statusSchema = z.object({ status: z.literal("ok") }).meta({ id: "Status" });

// Probes must answer even when a client has spent its rate limit.
const config = { rateLimit: false } as const;

/** `/health` touches nothing; `/ready` succeeds only when every check does. */
export const healthRoutes: FastifyPluginAsyncZod<HealthOptions> = async (app, { checks }) => {
  app.get(
    "/health",
    {
      config,
      schema: {
        tags: ["system"],
        summary: "Liveness: the process is up",
        response: { 200: statusSchema },
      },
      // A constant answer on the most polled route: stringify it without running the schema.
      serializerCompiler: () => JSON.stringify,
    },
    async () => ({ status: "ok" as const }),
  );

  app.get(
    "/ready",
    {
      config,
      schema: {
        tags: ["system"],
        summary: "Readiness: dependencies answer",
        response: { 200: statusSchema, 503: problemResponse("A dependency is not ready") },
      },
    },
    async (request) => {
      try {
        await Promise.all(checks.map((check) => check()));
      } catch (error) {
        request.log.warn({ err: error }, "readiness check failed");
        throw new ServiceUnavailableError("A dependency is not ready.");
      }
      return { status: "ok" as const };
    },
  );
};
