import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import type { z } from "zod";
import { jsonResponse, problemResponse } from "../../openapi/responses.js";
import {
  loginSchema,
  refreshSchema,
  registerSchema,
  sessionSchema,
  tokensSchema,
} from "./auth.schemas.js";

const tags = ["auth"];
const invalid = problemResponse("Invalid request");
const rateLimited = problemResponse("Too many attempts");
const body = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });

export function registerAuthPaths(registry: OpenAPIRegistry): void {
  registry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/auth/register",
    tags,
    summary: "Create an account",
    request: { body: body(registerSchema) },
    responses: {
      201: jsonResponse("Registered and signed in", sessionSchema),
      400: invalid,
      409: problemResponse("Email already registered"),
      429: rateLimited,
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/auth/login",
    tags,
    summary: "Sign in",
    request: { body: body(loginSchema) },
    responses: {
      200: jsonResponse("Signed in", sessionSchema),
      400: invalid,
      401: problemResponse("Wrong email or password"),
      429: rateLimited,
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/auth/refresh",
    tags,
    summary: "Exchange a refresh token for new tokens",
    request: { body: body(refreshSchema) },
    responses: {
      200: jsonResponse("New tokens; the old refresh token is spent", tokensSchema),
      400: invalid,
      401: problemResponse("Invalid, expired or reused refresh token"),
      429: rateLimited,
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/auth/logout",
    tags,
    summary: "Revoke a refresh token and its rotations",
    request: { body: body(refreshSchema) },
    responses: { 204: { description: "Signed out" }, 400: invalid, 429: rateLimited },
  });
}
