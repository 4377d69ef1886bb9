import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/app-env.js";
import {
  bearerChallenge,
  bodyProblems,
  commonProblems,
  databaseProblems,
  jsonBody,
  jsonResponse,
  problemResponse,
} from "../../openapi/responses.js";
import {
  loginSchema,
  refreshSchema,
  registerSchema,
  sessionSchema,
  tokensSchema,
} from "./auth.schemas.js";
import type { AuthService } from "./auth.service.js";

// Public: these take credentials in the body, not a bearer token.
const common = { tags: ["auth"], security: [] };
// Answers that carry tokens must not be stored by any cache (RFC 6749 §5.1).
const noStore = { "Cache-Control": "no-store" };

export function authRoutes(auth: AuthService) {
  const router = new OpenAPIHono<AppEnv>();
  router.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
  });

  router.openapi(
    createRoute({
      ...common,
      operationId: "register",
      method: "post",
      path: "/register",
      summary: "Create an account",
      request: { body: jsonBody(registerSchema) },
      responses: {
        201: jsonResponse("Registered and signed in", sessionSchema),
        ...bodyProblems,
        409: problemResponse("Email already registered"),
        ...commonProblems,
        ...databaseProblems,
      },
    }),
    async (c) => c.json(await auth.register(c.req.valid("json")), 201, noStore),
  );

  router.openapi(
    createRoute({
      ...common,
      operationId: "login",
      method: "post",
      path: "/login",
      summary: "Sign in",
      request: { body: jsonBody(loginSchema) },
      responses: {
        200: jsonResponse("Signed in", sessionSchema),
        ...bodyProblems,
        401: problemResponse("Wrong email or password", bearerChallenge),
        ...commonProblems,
        ...databaseProblems,
      },
    }),
    async (c) => c.json(await auth.login(c.req.valid("json")), 200, noStore),
  );

  router.openapi(
    createRoute({
      ...common,
      operationId: "refreshTokens",
      method: "post",
      path: "/refresh",
      summary: "Exchange a refresh token for new tokens",
      request: { body: jsonBody(refreshSchema) },
      responses: {
        200: jsonResponse("New tokens; the old refresh token is spent", tokensSchema),
        ...bodyProblems,
        401: problemResponse("Invalid, expired or reused refresh token", bearerChallenge),
        ...commonProblems,
        ...databaseProblems,
      },
    }),
    async (c) => c.json(await auth.refresh(c.req.valid("json").refreshToken), 200, noStore),
  );

  router.openapi(
    createRoute({
      ...common,
      operationId: "logout",
      method: "post",
      path: "/logout",
      summary: "Revoke a refresh token and its rotations",
      request: { body: jsonBody(refreshSchema) },
      responses: {
        204: { description: "Signed out" },
        ...bodyProblems,
        ...commonProblems,
        ...databaseProblems,
      },
    }),
    async (c) => {
      await auth.logout(c.req.valid("json").refreshToken);
      return c.body(null, 204);
    },
  );

  return router;
}
