import { createMiddleware } from "hono/factory";
import type { AccessTokens, AuthUser } from "../modules/auth/access-tokens.js";
import { ForbiddenError, UnauthorizedError } from "../modules/auth/auth.errors.js";
import type { Role } from "../modules/users/user.schemas.js";
import type { AppEnv } from "./app-env.js";

/** The context of routes behind `authenticate`: `c.var.user` is the signed-in user. */
export interface AuthEnv extends AppEnv {
  Variables: AppEnv["Variables"] & { user: AuthUser };
}

/** Requires a valid `Authorization: Bearer <access token>` and sets `c.var.user`. */
export function authenticate(accessTokens: AccessTokens) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const [scheme, token] = c.req.header("authorization")?.split(" ") ?? [];
    if (scheme?.toLowerCase() !== "bearer" || !token) {
      throw new UnauthorizedError("UNAUTHORIZED", "A bearer access token is required.");
    }
    c.set("user", await accessTokens.verify(token));
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
