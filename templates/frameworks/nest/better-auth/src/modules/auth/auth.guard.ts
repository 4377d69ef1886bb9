import { type CanActivate, type ExecutionContext, Inject, Injectable } from "@nestjs/common";
import { Reflector } from "@nestjs/core";
import { fromNodeHeaders } from "better-auth/node";
import type { Request, Response } from "express";
import { UnauthorizedError } from "./auth.errors.js";
import type { Auth } from "./auth.js";
import { AUTH } from "./auth.provider.js";
import { Public } from "./public.decorator.js";
import { requestSession } from "./session.js";

/**
 * Requires a valid session cookie on every route but the `@Public()` ones, and puts its user on
 * the request.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(AUTH) private readonly auth: Auth,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride(Public, [context.getHandler(), context.getClass()])) {
      return true;
    }
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const { user, cookies } = await requestSession(this.auth, fromNodeHeaders(req.headers));
    if (cookies.length > 0) http.getResponse<Response>().append("Set-Cookie", cookies);
    if (!user) throw new UnauthorizedError();
    req.user = user;
    return true;
  }
}
