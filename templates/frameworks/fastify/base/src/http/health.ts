import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ServiceUnavailableError } from "../core/errors.js";
import { problems } from "./responses.js";

type ReadinessCheck = () => Promise<unknown>;

export interface HealthOptions {
  checks: ReadinessCheck[];
}

const statusSchema = z.object({ status: z.literal("ok") }).meta({ id: "Status" });

// Probes answer even when a client has spent its rate limit, and need no credentials.
const config = { rateLimit: false } as const;
const common = { tags: ["system"], security: [] };

/** `/health` touches nothing; `/ready` succeeds only when every check does. */
export const healthRoutes: FastifyPluginAsyncZod<HealthOptions> = async (app, { checks }) => {
  app.get(
    "/health",
    {
      config,
      schema: {
        ...common,
        operationId: "getHealth",
        summary: "Liveness: the process is up",
        response: { 200: statusSchema, ...problems(500) },
      },
    },
    async () => ({ status: "ok" as const }),
  );

  app.get(
    "/ready",
    {
      config,
      schema: {
        ...common,
        operationId: "getReadiness",
        summary: "Readiness: dependencies answer",
        response: { 200: statusSchema, ...problems(500, 503) },
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
