import type { RequestHandler } from "express";
import type { AccessTokens, AuthUser } from "../modules/auth/access-tokens.js";
import { ForbiddenError, UnauthorizedError } from "../modules/auth/auth.errors.js";
import type { Role } from "../modules/users/user.schemas.js";

declare module "express-serve-static-core" {
  interface Request {
    user?: AuthUser;
  }
}

/** The OpenAPI security requirement of the routes behind `authenticate`. */
export const bearerAuth = [{ bearerAuth: [] }];

const missingToken = () =>
  new UnauthorizedError("UNAUTHORIZED", "A bearer access token is required.");

/** Requires a valid `Authorization: Bearer <access token>` and sets `req.user`. */
export function authenticate(accessTokens: AccessTokens): RequestHandler {
  return async (req, _res, next) => {
    const [scheme, token] = req.get("authorization")?.split(" ") ?? [];
    if (scheme?.toLowerCase() !== "bearer" || !token) throw missingToken();
    req.user = await accessTokens.verify(token);
    next();
  };
}

export function requireRole(role: Role): RequestHandler {
  return (req, _res, next) => {
    if (authUser(req).role !== role) throw new ForbiddenError();
    next();
  };
}

/** The user set by `authenticate`, for handlers mounted behind it. */
export function authUser(req: { user?: AuthUser }): AuthUser {
  if (!req.user) throw missingToken();
  return req.user;
}
