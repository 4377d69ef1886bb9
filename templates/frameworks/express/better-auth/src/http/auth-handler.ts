import { toNodeHandler } from "better-auth/node";
import type { Request as ExpressRequest, RequestHandler } from "express";
import { AppError } from "../core/errors.js";
import { type Auth, CLIENT_ADDRESS_HEADER } from "../modules/auth/auth.js";
import { authResponse } from "../modules/auth/auth-response.js";

/**
 * Better Auth's routes (sign-up, sign-in, sessions, OAuth, 2FA, email flows), through its Node
 * integration. Mounted after `express.json()`, whose parsed body Better Auth reads, so the body
 * limit and malformed-JSON answers are the API's own.
 */
export function authHandler(auth: Auth): RequestHandler {
  return (req, res) => {
    // Better Auth would read a body of any other type itself, past the body limit.
    if (hasBody(req) && !req.is("application/json")) {
      throw new AppError(
        415,
        "UNSUPPORTED_MEDIA_TYPE",
        "The request body must be application/json.",
      );
    }
    // Better Auth builds the request's URL from the Host header.
    if (!URL.canParse(`http://${req.headers.host}`)) {
      throw new AppError(400, "BAD_REQUEST", "The Host header is not a valid host name.");
    }
    req.headers[CLIENT_ADDRESS_HEADER] = req.ip;
    const context = { id: String(req.id), log: req.log };
    return toNodeHandler((request: Request) => authResponse(auth, request, context))(req, res);
  };
}

/** Whether the request has a body (an empty one does not count). */
function hasBody(req: ExpressRequest): boolean {
  return (
    req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"]) > 0
  );
}
