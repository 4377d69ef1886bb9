import { type CanActivate, type ExecutionContext, Injectable } from "@nestjs/common";
import { Reflector } from "@nestjs/core";
import type { Request, Response } from "express";
import { AccessTokens } from "./access-tokens.js";
import { bearerToken } from "./bearer-token.js";
import { Public } from "./public.decorator.js";

/**
 * Requires a valid `Authorization: Bearer <access token>` on every route but the `@Public()`
 * ones, and puts its user on the request. The answer is the user's own data, so no cache may
 * keep it.
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
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    req.user = await this.accessTokens.verify(bearerToken(req.get("authorization")));
    http.getResponse<Response>().set("Cache-Control", "no-store");
    return true;
  }
}
