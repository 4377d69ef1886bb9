import Fastify from "fastify";
import { validatorCompiler } from "fastify-type-provider-zod";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ValidationError } from "../../src/core/errors.js";
import { fromFastifyError } from "../../src/http/fastify-errors.js";
import { jsonBody } from "../../src/http/json-body.js";

/** Whatever the app's error handler would receive for this request to a zod-validated route. */
async function errorFor(payload: string, bodyLimit = 1024): Promise<unknown> {
  const app = Fastify({ bodyLimit });
  await app.register(jsonBody);
  app.setValidatorCompiler(validatorCompiler);
  let caught: unknown;
  app.setErrorHandler((error, _request, reply) => {
    caught = error;
    return reply.status(500).send();
  });
  const schema = z.object({ name: z.string().min(1), tags: z.array(z.string()) });
  app.post("/", { schema: { body: schema } }, async () => "ok");
  await app.inject({
    method: "POST",
    url: "/",
    headers: { "content-type": "application/json" },
    payload,
  });
  await app.close();
  return caught;
}

describe("fromFastifyError", () => {
  it("lists every invalid field by path", async () => {
    const error = fromFastifyError(await errorFor('{"name":"","tags":[1]}'));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((field) => field.path)).toEqual([
      "name",
      "tags.0",
    ]);
  });

  it.each([
    ['{"name": ', 400, "MALFORMED_JSON"],
    ["", 400, "VALIDATION_FAILED"],
    [JSON.stringify({ name: "x".repeat(2048) }), 413, "PAYLOAD_TOO_LARGE"],
  ])("maps the body %#", async (payload, status, code) => {
    expect(fromFastifyError(await errorFor(payload))).toMatchObject({ status, code });
  });

  it("leaves the app's own errors alone", () => {
    expect(fromFastifyError(new Error("boom"))).toBeUndefined();
    expect(fromFastifyError(Object.assign(new Error("upstream"), { statusCode: 502 }))).toBe(
      undefined,
    );
  });
});
