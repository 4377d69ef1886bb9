import { type CanActivate, type ExecutionContext, Injectable } from "@nestjs/common";
import { Reflector } from "@nestjs/core";
import type { Request } from "express";
import { AccessTokens } from "./access-tokens.js";
import { UnauthorizedError } from "./auth.errors.js";
import { Public } from "./public.decorator.js";

/**
 * Requires a valid `Authorization: Bearer <access token>` on every route but the `@Public()`
 * ones, and puts its user on the request.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly accessTokens: AccessTokens,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride(Public, [context.getHandler(), context.getClass()])) {
      return true;
    }
    const req = context.switchToHttp().getRequest<Request>();
    const [scheme, token] = req.get("authorization")?.split(" ") ?? [];
    if (scheme?.toLowerCase() !== "bearer" || !token) {
      throw new UnauthorizedError("UNAUTHORIZED", "A bearer access token is required.");
    }
    req.user = await this.accessTokens.verify(token);
    return true;
  }
}
