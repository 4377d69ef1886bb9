import { Router } from "express";
import swaggerUi from "swagger-ui-express";
import type { OpenApiDocument } from "../openapi/document.js";

/**
 * Serves the OpenAPI document at `/openapi.json` and Swagger UI at `/docs`, which loads it from
 * there; its assets come from the swagger-ui-express package rather than a CDN.
 */
export function docsRouter(document: OpenApiDocument | Promise<OpenApiDocument>): Router {
  const router = Router();
  router.get("/openapi.json", async (_req, res) => {
    res.json(await document);
  });
  // The page answers GET (and HEAD) only; its assets are served under it.
  router.use("/docs", swaggerUi.serve);
  router.get("/docs", swaggerUi.setup(undefined, { swaggerOptions: { url: "/openapi.json" } }));
  return router;
}
