import { Router } from "express";
import swaggerUi from "swagger-ui-express";
import type { OpenApiDocument } from "../openapi/document.js";

/**
 * Serves the OpenAPI document at `/openapi.json` and Swagger UI at `/docs`, whose assets come
 * from the swagger-ui-express package rather than a CDN.
 */
export function docsRouter(document: OpenApiDocument): Router {
  const router = Router();
  router.get("/openapi.json", (_req, res) => {
    res.json(document);
  });
  router.use("/docs", swaggerUi.serve, swaggerUi.setup(document));
  return router;
}
