import Fastify, { type FastifyInstance } from "fastify";
import helmet from "helmet";
import { describe, expect, it } from "vitest";
import { securityHeaders } from "../../src/http/security-headers.js";

async function headersOf(app: FastifyInstance) {
  const { headers } = await app.inject({ method: "GET", url: "/" });
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name !== "date"));
}

describe("securityHeaders", () => {
  it("sends exactly what helmet sends", async () => {
    const ours = Fastify();
    await ours.register(securityHeaders);
    ours.get("/", async () => "ok");
    const theirs = Fastify();
    theirs.get("/", (request, reply) => {
      helmet()(request.raw, reply.raw, () => reply.send("ok"));
    });
    expect(await headersOf(ours)).toEqual(await headersOf(theirs));
  });
});
