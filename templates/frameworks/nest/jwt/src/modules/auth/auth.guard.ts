import { type CanActivate, type ExecutionContext, Injectable } from "@nestjs/common";
import { Reflector } from "@nestjs/core";
import type { Request } from "express";
import { AccessTokens } from "./access-tokens.js";
import { bearerToken } from "./bearer-token.js";
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
    req.user = await this.accessTokens.verify(bearerToken(req.get("authorization")));
    return true;
  }
}
