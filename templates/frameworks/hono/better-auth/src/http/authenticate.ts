import { createMiddleware } from "hono/factory";
import { ForbiddenError, UnauthorizedError } from "../modules/auth/auth.errors.js";
import type { Auth } from "../modules/auth/auth.js";
import { type AuthUser, requestSession } from "../modules/auth/session.js";
import type { Role } from "../modules/users/user.schemas.js";
import type { AppEnv } from "./app-env.js";

/** The context of routes behind `authenticate`: `c.var.user` is the signed-in user. */
export interface AuthEnv extends AppEnv {
  Variables: AppEnv["Variables"] & { user: AuthUser };
}

/**
 * Requires a valid session cookie and sets `c.var.user`. The answer is that user's, chosen by a
 * cookie no cache keys on, so neither the browser nor a shared cache may keep it.
 */
export function authenticate(auth: Auth) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const { user, cookies } = await requestSession(auth, c.req.raw.headers);
    for (const cookie of cookies) c.header("Set-Cookie", cookie, { append: true });
    if (!user) throw new UnauthorizedError();
    c.header("Cache-Control", "no-store");
    c.set("user", user);
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
