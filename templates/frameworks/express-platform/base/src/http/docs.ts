import { Router } from "express";
import swaggerUi from "swagger-ui-express";
import type { OpenApiDocument } from "../openapi/document.js";

/** Serves the OpenAPI document at `/openapi.json` and Swagger UI (bundled assets) at `/docs`. */
export function docsRouter(document: OpenApiDocument): Router {
  const router = Router();
  router.get("/openapi.json", (_req, res) => {
    res.json(document);
  });
  router.use("/docs", swaggerUi.serve, swaggerUi.setup(document));
  return router;
}
