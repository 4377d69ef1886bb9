import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { Router } from "express";
import { z } from "zod";
import { jsonResponse } from "../openapi/responses.js";
import { routes } from "./route.js";

const apiIndexSchema = z.object({ name: z.string(), docs: z.string() }).meta({ id: "ApiIndex" });

/** `GET /api/v1`: the API's name and where its reference lives. */
export function apiIndexRouter(registry: OpenAPIRegistry, name: string): Router {
  const router = Router();
  const route = routes(router, registry, { basePath: "/api/v1", tags: ["system"] });

  route(
    {
      method: "get",
      path: "/",
      operationId: "getApiIndex",
      summary: "API name and where its reference lives",
      responses: { 200: jsonResponse("API index", apiIndexSchema) },
    },
    (_req, res) => {
      res.json({ name, docs: "/docs" });
    },
  );

  return router;
}
