import { All, Controller, Inject, Req, Res } from "@nestjs/common";
import { ApiExcludeController } from "@nestjs/swagger";
import { toNodeHandler } from "better-auth/node";
import type { Request, Response } from "express";
import { AppError } from "../../core/errors.js";
import { type Auth, CLIENT_ADDRESS_HEADER } from "./auth.js";
import { AUTH } from "./auth.provider.js";
import { authResponse } from "./auth-response.js";
import { Public } from "./public.decorator.js";

/**
 * Better Auth's routes (sign-up, sign-in, sessions, OAuth, 2FA, email flows) under /api/v1/auth,
 * behind the rate limiter like any other route. Better Auth reads the body JsonBodyMiddleware
 * parsed, so the body limit and malformed-JSON answers are the API's own. `/openapi.json` lists
 * these routes from Better Auth's own description of them (see openapi/document.ts).
 */
@ApiExcludeController()
@Controller("auth")
@Public()
export class AuthController {
  constructor(@Inject(AUTH) private readonly auth: Auth) {}

  @All("*path")
  handle(@Req() req: Request, @Res() res: Response): Promise<void> {
    // Better Auth builds the request's URL from the Host header.
    if (!URL.canParse(`http://${req.headers.host}`)) {
      throw new AppError(400, "BAD_REQUEST", "The Host header is not a valid host name.");
    }
    req.headers[CLIENT_ADDRESS_HEADER] = req.ip;
    const context = { id: String(req.id), log: req.log };
    return toNodeHandler((request) => authResponse(this.auth, request, context))(req, res);
  }
}
