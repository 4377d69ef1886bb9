import { createRequire } from "node:module";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./app-env.js";

const require = createRequire(import.meta.url);
const swaggerUi = path.dirname(require.resolve("swagger-ui-dist/package.json"));

// Assets come from the swagger-ui-dist package and the start-up script from a file, not inline,
// so the page needs no CDN and works under the Content-Security-Policy.
const page = (title: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} API reference</title>
    <link rel="stylesheet" href="swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="swagger-ui-bundle.js"></script>
    <script src="swagger-initializer.js"></script>
  </body>
</html>
`;

// validatorUrl: null keeps Swagger UI from sending the document to an online validator.
const initializer = `window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  validatorUrl: null,
});
`;

/**
 * Serves the OpenAPI 3.1 document of every route declared with `app.openapi()` (mounted ones
 * included) at `/openapi.json`, and Swagger UI at `/docs/`.
 */
export function registerDocs(app: OpenAPIHono<AppEnv>, title: string): void {
  app.doc31("/openapi.json", () => ({
    openapi: "3.1.0",
    info: {
      title,
      version: "1.0.0",
      description: `The ${title} HTTP API. Errors are RFC 9457 problem details.`,
      license: { name: "UNLICENSED", url: "https://choosealicense.com/no-permission/" },
    },
    // Relative: the API is wherever this document is served from.
    servers: [{ url: "/" }],
    tags: tagsOf(app),
  }));
  app.get("/docs", (c) => c.redirect("/docs/"));
  app.get("/docs/", (c) => c.html(page(title)));
  app.get("/docs/swagger-initializer.js", (c) =>
    c.body(initializer, 200, { "Content-Type": "text/javascript; charset=utf-8" }),
  );
  for (const asset of ["swagger-ui.css", "swagger-ui-bundle.js"]) {
    app.get(`/docs/${asset}`, serveStatic({ path: path.join(swaggerUi, asset) }));
  }
}

/** The tags the routes use, each declared once for the document's tag list. */
function tagsOf(app: OpenAPIHono<AppEnv>): { name: string }[] {
  const tags = app.openAPIRegistry.definitions.flatMap((definition) =>
    definition.type === "route" ? (definition.route.tags ?? []) : [],
  );
  return [...new Set(tags)].map((name) => ({ name }));
}
