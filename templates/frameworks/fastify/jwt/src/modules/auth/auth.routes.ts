import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { toJson } from "../../http/json.js";
import { problemResponse } from "../../http/responses.js";
import {
  loginSchema,
  refreshSchema,
  registerSchema,
  sessionSchema,
  tokensSchema,
} from "./auth.schemas.js";
import type { AuthService } from "./auth.service.js";

export interface AuthRoutesOptions {
  auth: AuthService;
  /** Requests per client per window on every route here, counted together. */
  rateLimitMax: number;
}

const tags = ["auth"];
const invalid = problemResponse("Invalid request");
const rateLimited = problemResponse("Too many attempts");

export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (
  app,
  { auth, rateLimitMax },
) => {
  // Runs before the global limiter, which then skips these requests: they count here only.
  app.addHook("onRequest", app.rateLimit({ max: rateLimitMax }));

  app.post(
    "/register",
    {
      schema: {
        tags,
        summary: "Create an account",
        body: registerSchema,
        response: {
          201: sessionSchema,
          400: invalid,
          409: problemResponse("Email already registered"),
          429: rateLimited,
        },
      },
    },
    async (request, reply) => reply.status(201).send(toJson(await auth.register(request.body))),
  );

  app.post(
    "/login",
    {
      schema: {
        tags,
        summary: "Sign in",
        body: loginSchema,
        response: {
          200: sessionSchema,
          400: invalid,
          401: problemResponse("Wrong email or password"),
          429: rateLimited,
        },
      },
    },
    async (request) => toJson(await auth.login(request.body)),
  );

  app.post(
    "/refresh",
    {
      schema: {
        tags,
        summary: "Exchange a refresh token for new tokens",
        body: refreshSchema,
        response: {
          200: tokensSchema,
          400: invalid,
          401: problemResponse("Invalid, expired or reused refresh token"),
          429: rateLimited,
        },
      },
    },
    async (request) => auth.refresh(request.body.refreshToken),
  );

  app.post(
    "/logout",
    {
      schema: {
        tags,
        summary: "Revoke a refresh token and its rotations",
        body: refreshSchema,
        response: { 204: z.undefined().describe("Signed out"), 400: invalid, 429: rateLimited },
      },
    },
    async (request, reply) => {
      await auth.logout(request.body.refreshToken);
      return reply.status(204).send();
    },
  );
};
