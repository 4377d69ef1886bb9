import { createRoute } from "@hono/zod-openapi";
import { jsonBody, jsonResponse, problemResponse } from "../../openapi/responses.js";
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

export const register = createRoute({
  method: "post",
  path: "/register",
  tags,
  summary: "Create an account",
  request: { body: jsonBody(registerSchema) },
  responses: {
    201: jsonResponse("Registered and signed in", sessionSchema),
    400: invalid,
    409: problemResponse("Email already registered"),
    429: rateLimited,
  },
});

export const login = createRoute({
  method: "post",
  path: "/login",
  tags,
  summary: "Sign in",
  request: { body: jsonBody(loginSchema) },
  responses: {
    200: jsonResponse("Signed in", sessionSchema),
    400: invalid,
    401: problemResponse("Wrong email or password"),
    429: rateLimited,
  },
});

export const refresh = createRoute({
  method: "post",
  path: "/refresh",
  tags,
  summary: "Exchange a refresh token for new tokens",
  request: { body: jsonBody(refreshSchema) },
  responses: {
    200: jsonResponse("New tokens; the old refresh token is spent", tokensSchema),
    400: invalid,
    401: problemResponse("Invalid, expired or reused refresh token"),
    429: rateLimited,
  },
});

export const logout = createRoute({
  method: "post",
  path: "/logout",
  tags,
  summary: "Revoke a refresh token and its rotations",
  request: { body: jsonBody(refreshSchema) },
  responses: { 204: { description: "Signed out" }, 400: invalid, 429: rateLimited },
});
