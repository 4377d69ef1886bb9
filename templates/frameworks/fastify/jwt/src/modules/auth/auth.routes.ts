import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { toJson } from "../../http/json.js";
import {
  bearerChallenge,
  databaseProblems,
  problemResponse,
  problems,
} from "../../http/responses.js";
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

// Public routes: they take credentials in the body, not a bearer token.
const common = { tags: ["auth"], security: [] };
const refused = { ...problems(400, 413, 415, 429, 500), ...databaseProblems };

export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (
  app,
  { auth, rateLimitMax },
) => {
  // Runs before the global limiter, which then skips these requests: they count here only.
  app.addHook("onRequest", app.rateLimit({ max: rateLimitMax }));
  // Answers carrying tokens must not be kept by browsers or proxies.
  app.addHook("onRequest", async (_request, reply) => {
    reply.header("Cache-Control", "no-store");
  });

  app.post(
    "/register",
    {
      schema: {
        ...common,
        operationId: "register",
        summary: "Create an account",
        body: registerSchema,
        response: {
          201: sessionSchema,
          ...refused,
          409: problemResponse("Email already registered"),
        },
      },
    },
    async (request, reply) => reply.status(201).send(toJson(await auth.register(request.body))),
  );

  app.post(
    "/login",
    {
      schema: {
        ...common,
        operationId: "login",
        summary: "Sign in",
        body: loginSchema,
        response: {
          200: sessionSchema,
          ...refused,
          401: problemResponse("Wrong email or password", bearerChallenge),
        },
      },
    },
    async (request) => toJson(await auth.login(request.body)),
  );

  app.post(
    "/refresh",
    {
      schema: {
        ...common,
        operationId: "refreshTokens",
        summary: "Exchange a refresh token for new tokens",
        body: refreshSchema,
        response: {
          200: tokensSchema,
          ...refused,
          401: problemResponse("Invalid, expired or reused refresh token", bearerChallenge),
        },
      },
    },
    async (request) => auth.refresh(request.body.refreshToken),
  );

  app.post(
    "/logout",
    {
      schema: {
        ...common,
        operationId: "logout",
        summary: "Revoke a refresh token and its rotations",
        body: refreshSchema,
        response: { 204: z.undefined().describe("Signed out"), ...refused },
      },
    },
    async (request, reply) => {
      await auth.logout(request.body.refreshToken);
      return reply.status(204).send();
    },
  );
};
