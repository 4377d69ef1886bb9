import type { RequestHandler } from "express";
import type { AccessTokens, AuthUser } from "../modules/auth/access-tokens.js";
import { ForbiddenError, MissingTokenError } from "../modules/auth/auth.errors.js";
import { bearerToken } from "../modules/auth/bearer-token.js";
import type { Role } from "../modules/users/user.schemas.js";

declare module "express-serve-static-core" {
  interface Request {
    user?: AuthUser;
  }
}

/** The OpenAPI security requirement of the routes behind `authenticate`. */
export const bearerAuth = [{ bearerAuth: [] }];

/**
 * Requires a valid `Authorization: Bearer <access token>` and sets `req.user`. The answer is
 * the user's own data, so no cache may keep it.
 */
export function authenticate(accessTokens: AccessTokens): RequestHandler {
  return async (req, res, next) => {
    req.user = await accessTokens.verify(bearerToken(req.get("authorization")));
    res.set("Cache-Control", "no-store");
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
  if (!req.user) throw new MissingTokenError();
  return req.user;
}
