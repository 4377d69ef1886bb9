import { Module } from "@nestjs/common";
import { APP_GUARD } from "@nestjs/core";
import type { Config } from "../../config/env.js";
import type { Database } from "../../db/client.js";
import { CONFIG, DATABASE } from "../../dependencies.module.js";
import { UsersModule } from "../users/users.module.js";
import { UsersRepository } from "../users/users.repository.js";
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
    {
      provide: AccessTokens,
      useFactory: (config: Config, users: UsersRepository) => new AccessTokens(config, users),
      inject: [CONFIG, UsersRepository],
    },
    {
      provide: RefreshTokensRepository,
      useFactory: (db: Database) => new RefreshTokensRepository(db),
      inject: [DATABASE],
    },
    {
      provide: AuthService,
      useFactory: (
        users: UsersRepository,
        refreshTokens: RefreshTokensRepository,
        accessTokens: AccessTokens,
        config: Config,
      ) => new AuthService(users, refreshTokens, accessTokens, config),
      inject: [UsersRepository, RefreshTokensRepository, AccessTokens, CONFIG],
    },
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
})
export class AuthModule {}
