import { type CanActivate, type ExecutionContext, Inject, Injectable } from "@nestjs/common";
import type { Request } from "express";
import { AccessTokens } from "./access-tokens.js";
import { UnauthorizedError } from "./auth.errors.js";

/** Requires a valid `Authorization: Bearer <access token>` and puts its user on the request. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(@Inject(AccessTokens) private readonly accessTokens: AccessTokens) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const [scheme, token] = req.get("authorization")?.split(" ") ?? [];
    if (scheme?.toLowerCase() !== "bearer" || !token) {
      throw new UnauthorizedError("UNAUTHORIZED", "A bearer access token is required.");
    }
    req.user = await this.accessTokens.verify(token);
    return true;
  }
}
