import { fromNodeHeaders } from "better-auth/node";
import type { RequestHandler } from "express";
import { ForbiddenError, UnauthorizedError } from "../modules/auth/auth.errors.js";
import type { Auth } from "../modules/auth/auth.js";
import { type AuthUser, requestSession } from "../modules/auth/session.js";
import type { Role } from "../modules/users/user.schemas.js";

declare module "express-serve-static-core" {
  interface Request {
    user?: AuthUser;
  }
}

/** The OpenAPI security requirement of the routes behind `authenticate`. */
export const sessionAuth = [{ cookieAuth: [] }];

/**
 * Requires a valid session cookie and sets `req.user`. The answer is that user's, chosen by a
 * cookie no cache keys on, so neither the browser nor a shared cache may keep it.
 */
export function authenticate(auth: Auth): RequestHandler {
  return async (req, res, next) => {
    const { user, cookies } = await requestSession(auth, fromNodeHeaders(req.headers));
    if (cookies.length > 0) res.append("Set-Cookie", cookies);
    if (!user) throw new UnauthorizedError();
    res.set("Cache-Control", "no-store");
    req.user = user;
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
  if (!req.user) throw new UnauthorizedError();
  return req.user;
}
