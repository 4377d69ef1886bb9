import { Module } from "@nestjs/common";
import { SERVICES, type Services } from "../../dependencies.module.js";
import { AccessTokens } from "./access-tokens.js";
import { AuthController } from "./auth.controller.js";
import { AuthService } from "./auth.service.js";

/** Sign-up and sign-in; exports what AuthGuard needs to the modules that protect routes. */
@Module({
  controllers: [AuthController],
  providers: [
    { provide: AuthService, useFactory: ({ auth }: Services) => auth, inject: [SERVICES] },
    {
      provide: AccessTokens,
      useFactory: ({ accessTokens }: Services) => accessTokens,
      inject: [SERVICES],
    },
  ],
  exports: [AccessTokens],
})
export class AuthModule {}
