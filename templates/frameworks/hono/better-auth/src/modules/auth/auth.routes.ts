import { Hono } from "hono";
import { validator } from "hono/validator";
import type { AppEnv } from "../../http/app-env.js";
import { requestClientAddress } from "../../http/client-address.js";
import { type Auth, CLIENT_ADDRESS_HEADER } from "./auth.js";
import { authResponse } from "./auth-response.js";

/**
 * Better Auth's routes (sign-up, sign-in, sessions, OAuth, 2FA, email flows), answered by its
 * handler, errors turned into problems by `authResponse`.
 */
export function authRoutes(auth: Auth, trustProxy: number) {
  return new Hono<AppEnv>().on(
    ["GET", "POST"],
    "/*",
    // A JSON body is read as on every other route, so malformed JSON gets the usual 400 problem.
    validator("json", (body: unknown) => body),
    (c) => {
      const request = forBetterAuth(c.req.raw, c.req.valid("json"));
      request.headers.set(CLIENT_ADDRESS_HEADER, requestClientAddress(c, trustProxy));
      return authResponse(auth, request, { id: c.var.requestId, log: c.var.logger });
    },
  );
}

/**
 * The request as Better Auth reads it, with headers of its own: with the JSON body read above
 * sent again, and without a body when it has no `Content-Type` (Node gives every POST a body
 * stream, if only an empty one).
 */
function forBetterAuth(request: Request, json: unknown): Request {
  const { method, headers } = request;
  if (request.bodyUsed) return new Request(request, { headers, body: JSON.stringify(json) });
  if (headers.has("content-type")) return new Request(request, { headers });
  return new Request(request.url, { method, headers });
}
