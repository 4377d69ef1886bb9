import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import express, { Router } from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createLogger } from "../../src/core/logger.js";
import { errorHandler } from "../../src/http/error-handler.js";
import { httpLogger } from "../../src/http/http-logger.js";
import { routes } from "../../src/http/route.js";
import { jsonResponse } from "../../src/openapi/responses.js";

const noteSchema = z.object({ text: z.string().min(1) });

function notesApp() {
  const registry = new OpenAPIRegistry();
  const router = Router();
  const route = routes(router, registry, { basePath: "/notes", tags: ["notes"] });
  route(
    {
      method: "put",
      path: "/:id",
      operationId: "replaceNote",
      summary: "Replace a note",
      request: {
        params: z.object({ id: z.coerce.number().int() }),
        query: z.object({ draft: z.stringbool().default(false) }),
        body: noteSchema,
      },
      responses: { 200: jsonResponse("The note", noteSchema) },
    },
    (req, res) => {
      res.json({ id: req.params.id, draft: req.query.draft, text: req.body.text });
    },
  );
  const app = express()
    .use(httpLogger(createLogger("silent")))
    .use(express.json())
    .use("/notes", router)
    .use(errorHandler);
  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: { title: "notes", version: "1.0.0" },
  });
  return { app, document };
}

describe("routes", () => {
  it("hands the handler the parsed input", async () => {
    const { app } = notesApp();
    const res = await request(app).put("/notes/7?draft=true").send({ text: "hi" }).expect(200);
    expect(res.body).toEqual({ id: 7, draft: true, text: "hi" });
  });

  it("answers invalid input with a 400 listing the fields", async () => {
    const { app } = notesApp();
    const res = await request(app).put("/notes/seven").send({ text: "hi" }).expect(400);
    expect(res.body).toMatchObject({ code: "VALIDATION_FAILED", errors: [{ path: "id" }] });
  });

  it("answers a body that is not JSON with a 415", async () => {
    const { app } = notesApp();
    const res = await request(app)
      .put("/notes/7")
      .set("Content-Type", "text/plain")
      .send('{"text":"hi"}')
      .expect(415);
    expect(res.body).toMatchObject({ status: 415, code: "UNSUPPORTED_MEDIA_TYPE" });
  });

  it("documents the route with its input and every answer it can give", () => {
    const { document } = notesApp();
    const operation = document.paths?.["/notes/{id}"]?.put;
    expect(operation).toMatchObject({ operationId: "replaceNote", tags: ["notes"], security: [] });
    expect(operation?.requestBody).toMatchObject({ required: true });
    expect(
      operation?.parameters?.map((parameter) => "name" in parameter && parameter.name),
    ).toEqual(["id", "draft"]);
    expect(Object.keys(operation?.responses ?? {})).toEqual([
      "200",
      "400",
      "413",
      "415",
      "429",
      "500",
    ]);
  });
});
