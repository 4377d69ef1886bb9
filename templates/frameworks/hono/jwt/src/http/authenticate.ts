import { createMiddleware } from "hono/factory";
import type { AccessTokens, AuthUser } from "../modules/auth/access-tokens.js";
import { ForbiddenError } from "../modules/auth/auth.errors.js";
import { bearerToken } from "../modules/auth/bearer-token.js";
import type { Role } from "../modules/users/user.schemas.js";
import type { AppEnv } from "./app-env.js";

/** The context of routes behind `authenticate`: `c.var.user` is the signed-in user. */
export interface AuthEnv extends AppEnv {
  Variables: AppEnv["Variables"] & { user: AuthUser };
}

/**
 * Requires a valid `Authorization: Bearer <access token>` and sets `c.var.user`. The answer is
 * the user's own data, so no cache may keep it.
 */
export function authenticate(accessTokens: AccessTokens) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    c.set("user", await accessTokens.verify(bearerToken(c.req.header("authorization"))));
    c.header("Cache-Control", "no-store");
    await next();
  });
}

/** For routes behind `authenticate`: only users with `role` get through. */
export function requireRole(role: Role) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    if (c.var.user.role !== role) throw new ForbiddenError();
    await next();
  });
}
