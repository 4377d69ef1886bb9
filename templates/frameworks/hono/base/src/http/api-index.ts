import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { jsonResponse } from "../openapi/responses.js";
import { createRouter } from "./router.js";

const apiIndexSchema = z.object({ name: z.string(), docs: z.string() }).meta({ id: "ApiIndex" });

const index = createRoute({
  method: "get",
  path: "/",
  tags: ["system"],
  summary: "API name and where its reference lives",
  responses: { 200: jsonResponse("API index", apiIndexSchema) },
});

export function apiIndexRoutes(name: string) {
  return createRouter().openapi(index, (c) => c.json({ name, docs: "/docs" }, 200));
}
