import type { Express } from "express";
import swaggerUi from "swagger-ui-express";
import type { OpenApiDocument } from "../openapi/document.js";

/**
 * Serves the OpenAPI document at `/openapi.json` and Swagger UI (bundled assets) at `/docs`,
 * registered on the app under their own paths: other requests then pass them with one path
 * comparison each instead of walking a mounted Router.
 */
export function docsRoutes(app: Express, document: OpenApiDocument): void {
  app.get("/openapi.json", (_req, res) => {
    res.json(document);
  });
  app.use("/docs", swaggerUi.serve, swaggerUi.setup(document));
}
