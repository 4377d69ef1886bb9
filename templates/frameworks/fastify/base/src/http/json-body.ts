import fp from "fastify-plugin";

/**
 * Reads `application/json` bodies with Fastify's own parser, its prototype-poisoning checks and
 * body limit included, but takes an empty one as no body: many HTTP clients send the header on
 * every request, a DELETE's too. A route whose schema requires a body still refuses it.
 */
export const jsonBody = fp(
  async (app) => {
    const parseJson = app.getDefaultJsonParser("error", "error");
    app.removeContentTypeParser("application/json");
    app.addContentTypeParser(
      "application/json",
      { parseAs: "string" },
      (request, body: string, done) => {
        if (body === "") done(null, undefined);
        else parseJson(request, body, done);
      },
    );
  },
  { name: "json-body" },
);
