import fp from "fastify-plugin";
import { nestsDeeperThan, TooDeeplyNestedError } from "../core/json-depth.js";

/**
 * Reads `application/json` bodies with Fastify's own parser and body limit, but takes an empty one
 * as no body: many HTTP clients send the header on every request, a DELETE's too. A route whose
 * schema requires a body still refuses it. `__proto__` and `constructor.prototype` keys are
 * removed rather than refused: they are valid JSON, and the schemas keep only the fields they
 * know. JSON nested too deeply is invalid before it is parsed (src/core/json-depth.ts).
 */
export const jsonBody = fp(
  async (app) => {
    const parseJson = app.getDefaultJsonParser("remove", "remove");
    app.removeContentTypeParser("application/json");
    app.addContentTypeParser(
      "application/json",
      { parseAs: "string" },
      (request, body: string, done) => {
        if (body === "") done(null, undefined);
        else if (nestsDeeperThan(body)) done(new TooDeeplyNestedError(), undefined);
        else parseJson(request, body, done);
      },
    );
  },
  { name: "json-body" },
);
