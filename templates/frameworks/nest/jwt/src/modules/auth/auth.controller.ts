import { Body, Controller, HttpCode, Inject, Post } from "@nestjs/common";
import type { z } from "zod";
import { ZodValidationPipe } from "../../http/zod-validation.pipe.js";
import { type Credentials, loginSchema, refreshSchema, registerSchema } from "./auth.schemas.js";
import { AuthService } from "./auth.service.js";

type RefreshInput = z.output<typeof refreshSchema>;

@Controller("auth")
export class AuthController {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {}

  @Post("register")
  register(@Body(new ZodValidationPipe(registerSchema)) credentials: Credentials) {
    return this.auth.register(credentials);
  }

  @Post("login")
  @HttpCode(200)
  login(@Body(new ZodValidationPipe(loginSchema)) credentials: Credentials) {
    return this.auth.login(credentials);
  }

  @Post("refresh")
  @HttpCode(200)
  refresh(@Body(new ZodValidationPipe(refreshSchema)) { refreshToken }: RefreshInput) {
    return this.auth.refresh(refreshToken);
  }

  @Post("logout")
  @HttpCode(204)
  async logout(@Body(new ZodValidationPipe(refreshSchema)) { refreshToken }: RefreshInput) {
    await this.auth.logout(refreshToken);
  }
}
