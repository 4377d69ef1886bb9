import { Module } from "@nestjs/common";
import { APP_GUARD } from "@nestjs/core";
import { UsersModule } from "../users/users.module.js";
import { AccessTokens } from "./access-tokens.js";
import { AuthController } from "./auth.controller.js";
import { AuthGuard } from "./auth.guard.js";
import { AuthService } from "./auth.service.js";
import { RefreshTokensRepository } from "./refresh-tokens.repository.js";
import { RolesGuard } from "./roles.guard.js";

/**
 * Sign-up and sign-in, and the guards that protect every route of the app: a route needs an
 * access token unless it is `@Public()`, and the role `@Roles()` names.
 */
@Module({
  imports: [UsersModule],
  controllers: [AuthController],
  providers: [
    AccessTokens,
    RefreshTokensRepository,
    AuthService,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
})
export class AuthModule {}
