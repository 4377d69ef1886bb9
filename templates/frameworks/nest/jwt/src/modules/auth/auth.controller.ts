import { Body, Controller, Header, HttpCode, Post } from "@nestjs/common";
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from "@nestjs/swagger";
import type { z } from "zod";
import { ApiBodyProblems, ApiDatabaseProblems, ApiProblems } from "../../http/problem-responses.js";
import {
  type Credentials,
  loginSchema,
  refreshSchema,
  registerSchema,
  sessionSchema,
  tokensSchema,
} from "./auth.schemas.js";
import { AuthService } from "./auth.service.js";
import { Public } from "./public.decorator.js";

type RefreshInput = z.output<typeof refreshSchema>;

@Controller("auth")
@ApiTags("auth")
@Public()
@ApiBodyProblems()
@ApiProblems(429, 500)
@ApiDatabaseProblems()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post("register")
  @ApiOperation({ operationId: "register", summary: "Create an account and sign in" })
  @Header("Cache-Control", "no-store")
  @ApiCreatedResponse({ description: "The new account, signed in", standardSchema: sessionSchema })
  @ApiProblems(409)
  register(@Body({ schema: registerSchema }) credentials: Credentials) {
    return this.auth.register(credentials);
  }

  @Post("login")
  @ApiOperation({ operationId: "login", summary: "Sign in with email and password" })
  @HttpCode(200)
  @Header("Cache-Control", "no-store")
  @ApiOkResponse({ description: "Signed in", standardSchema: sessionSchema })
  @ApiProblems(401)
  login(@Body({ schema: loginSchema }) credentials: Credentials) {
    return this.auth.login(credentials);
  }

  @Post("refresh")
  @ApiOperation({
    operationId: "refreshTokens",
    summary: "Trade a refresh token for a new token pair",
  })
  @HttpCode(200)
  @Header("Cache-Control", "no-store")
  @ApiOkResponse({
    description: "A new token pair; the old refresh token is spent",
    standardSchema: tokensSchema,
  })
  @ApiProblems(401)
  refresh(@Body({ schema: refreshSchema }) { refreshToken }: RefreshInput) {
    return this.auth.refresh(refreshToken);
  }

  @Post("logout")
  @ApiOperation({ operationId: "logout", summary: "Sign out, revoking the refresh token" })
  @HttpCode(204)
  @ApiNoContentResponse({ description: "Signed out: the refresh token's family is revoked" })
  async logout(@Body({ schema: refreshSchema }) { refreshToken }: RefreshInput) {
    await this.auth.logout(refreshToken);
  }
}
