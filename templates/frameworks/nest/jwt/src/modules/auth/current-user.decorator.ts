import { createParamDecorator, type ExecutionContext } from "@nestjs/common";
import type { Request } from "express";
import type { AuthUser } from "./access-tokens.js";
import { UnauthorizedError } from "./auth.errors.js";

declare module "express-serve-static-core" {
  interface Request {
    user?: AuthUser;
  }
}

/** The user AuthGuard verified, for a handler behind it. */
export function currentUser(req: Request): AuthUser {
  if (!req.user) throw new UnauthorizedError("UNAUTHORIZED", "A bearer access token is required.");
  return req.user;
}

/** Injects the signed-in user: `me(@CurrentUser() user: AuthUser)`. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  currentUser(context.switchToHttp().getRequest<Request>()),
);
