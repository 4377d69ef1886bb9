import { toNodeHandler } from "better-auth/node";
import type { RequestHandler } from "express";
import type { Auth } from "../modules/auth/auth.js";
import { authResponse } from "../modules/auth/auth-response.js";

/**
 * Better Auth's routes (sign-up, sign-in, sessions, OAuth, 2FA, email flows), through its Node
 * integration. Mounted after `express.json()`, whose parsed body Better Auth reads, so the body
 * limit and malformed-JSON answers are the API's own.
 */
export function authHandler(auth: Auth): RequestHandler {
  return (req, res) =>
    toNodeHandler((request: Request) => authResponse(auth, request, String(req.id)))(req, res);
}
