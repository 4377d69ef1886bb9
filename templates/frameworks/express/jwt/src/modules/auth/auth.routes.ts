import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { type Response, Router } from "express";
import { routes } from "../../http/route.js";
import { bearerChallenge, jsonResponse, problemResponse } from "../../openapi/responses.js";
import {
  loginSchema,
  refreshSchema,
  registerSchema,
  sessionSchema,
  tokensSchema,
} from "./auth.schemas.js";
import type { AuthService } from "./auth.service.js";

interface Services {
  auth: AuthService;
}

/** Tokens must not be kept by a browser or proxy cache. */
const noStore = (res: Response) => res.set("Cache-Control", "no-store");

export function authRouter(registry: OpenAPIRegistry, { auth }: Services): Router {
  const router = Router();
  const route = routes(router, registry, {
    basePath: "/api/v1/auth",
    tags: ["auth"],
    usesDatabase: true,
  });

  route(
    {
      method: "post",
      path: "/register",
      operationId: "register",
      summary: "Create an account",
      request: { body: registerSchema },
      responses: {
        201: jsonResponse("Registered and signed in", sessionSchema),
        409: problemResponse("Email already registered"),
      },
    },
    async (req, res) => {
      const session = await auth.register(req.body);
      noStore(res).status(201).json(session);
    },
  );

  route(
    {
      method: "post",
      path: "/login",
      operationId: "login",
      summary: "Sign in",
      request: { body: loginSchema },
      responses: {
        200: jsonResponse("Signed in", sessionSchema),
        401: problemResponse("Wrong email or password", bearerChallenge),
      },
    },
    async (req, res) => {
      const session = await auth.login(req.body);
      noStore(res).json(session);
    },
  );

  route(
    {
      method: "post",
      path: "/refresh",
      operationId: "refreshTokens",
      summary: "Exchange a refresh token for new tokens",
      request: { body: refreshSchema },
      responses: {
        200: jsonResponse("New tokens; the old refresh token is spent", tokensSchema),
        401: problemResponse("Invalid, expired or reused refresh token", bearerChallenge),
      },
    },
    async (req, res) => {
      const tokens = await auth.refresh(req.body.refreshToken);
      noStore(res).json(tokens);
    },
  );

  route(
    {
      method: "post",
      path: "/logout",
      operationId: "logout",
      summary: "Revoke a refresh token and its rotations",
      request: { body: refreshSchema },
      responses: { 204: { description: "Signed out" } },
    },
    async (req, res) => {
      await auth.logout(req.body.refreshToken);
      res.status(204).end();
    },
  );

  return router;
}
