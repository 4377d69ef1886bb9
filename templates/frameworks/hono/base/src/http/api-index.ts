import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { commonProblems, jsonResponse } from "../openapi/responses.js";
import type { AppEnv } from "./app-env.js";

const apiIndexSchema = z.object({ name: z.string(), docs: z.string() }).meta({ id: "ApiIndex" });

const index = createRoute({
  operationId: "getApiIndex",
  method: "get",
  path: "/",
  tags: ["system"],
  security: [],
  summary: "API name and where its reference lives",
  responses: { 200: jsonResponse("API index", apiIndexSchema), ...commonProblems },
});

export function apiIndexRoutes(name: string) {
  return new OpenAPIHono<AppEnv>().openapi(index, (c) => c.json({ name, docs: "/docs" }, 200));
}
