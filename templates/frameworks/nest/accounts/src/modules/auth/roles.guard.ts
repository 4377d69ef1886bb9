import { type CanActivate, type ExecutionContext, Injectable } from "@nestjs/common";
import { Reflector } from "@nestjs/core";
import type { Request } from "express";
import type { Role } from "../users/user.schemas.js";
import { ForbiddenError } from "./auth.errors.js";
import { currentUser } from "./current-user.decorator.js";

/** Restricts a handler to users with one of these roles: `@Roles(["admin"])`. */
export const Roles = Reflector.createDecorator<Role[]>();

/** Enforces `@Roles` after AuthGuard, so a request not signed in is a 401 before any 403. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride(Roles, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles) return true;
    const user = currentUser(context.switchToHttp().getRequest<Request>());
    if (!roles.includes(user.role)) throw new ForbiddenError();
    return true;
  }
}
