import express, { type RequestHandler } from "express";
import helmet, { type HelmetOptions } from "helmet";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { securityHeaders } from "../../src/http/security-headers.js";

async function headersWith(middleware: RequestHandler) {
  const app = express()
    .disable("x-powered-by")
    .use(middleware)
    .get("/", (_req, res) => {
      res.end();
    });
  const { headers } = await request(app).get("/");
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name !== "date"));
}

describe("securityHeaders", () => {
  it.each<[string, HelmetOptions | undefined]>([
    ["defaults", undefined],
    ["options", { contentSecurityPolicy: false, frameguard: { action: "deny" } }],
  ])("sends exactly what helmet sends (%s)", async (_name, options) => {
    expect(await headersWith(securityHeaders(options))).toEqual(await headersWith(helmet(options)));
  });
});
