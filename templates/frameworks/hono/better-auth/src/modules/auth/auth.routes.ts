import { Hono } from "hono";
import { validator } from "hono/validator";
import type { AppEnv } from "../../http/app-env.js";
import type { Auth } from "./auth.js";
import { authResponse } from "./auth-response.js";

/**
 * Better Auth's routes (sign-up, sign-in, sessions, OAuth, 2FA, email flows), answered by its
 * handler, errors turned into problems by `authResponse`.
 */
export function authRoutes(auth: Auth) {
  return new Hono<AppEnv>().on(
    ["GET", "POST"],
    "/*",
    // A JSON body is read as on every other route, so malformed JSON gets the usual 400 problem.
    validator("json", (body: unknown) => body),
    (c) => authResponse(auth, forBetterAuth(c.req.raw, c.req.valid("json")), c.var.requestId),
  );
}

/**
 * The request as Better Auth reads it: with the JSON body read above sent again, and without a
 * body when it has no `Content-Type` (Node gives every POST a body stream, if only an empty one).
 */
function forBetterAuth(request: Request, json: unknown): Request {
  if (request.bodyUsed) return new Request(request, { body: JSON.stringify(json) });
  if (request.headers.has("content-type")) return request;
  return new Request(request.url, { method: request.method, headers: request.headers });
}
