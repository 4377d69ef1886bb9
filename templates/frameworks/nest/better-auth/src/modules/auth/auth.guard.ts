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
 * the request. The answer is that user's, chosen by a cookie no cache keys on, so neither the
 * browser nor a shared cache may keep it.
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
    const res = http.getResponse<Response>();
    const { user, cookies } = await requestSession(this.auth, fromNodeHeaders(req.headers));
    if (cookies.length > 0) res.append("Set-Cookie", cookies);
    if (!user) throw new UnauthorizedError();
    res.set("Cache-Control", "no-store");
    req.user = user;
    return true;
  }
}
