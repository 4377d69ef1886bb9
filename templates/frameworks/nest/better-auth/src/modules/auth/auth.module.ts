import { Module } from "@nestjs/common";
import { APP_GUARD } from "@nestjs/core";
import { AuthController } from "./auth.controller.js";
import { AuthGuard } from "./auth.guard.js";
import { AUTH, authProvider } from "./auth.provider.js";
import { RolesGuard } from "./roles.guard.js";

/**
 * Better Auth under /api/v1/auth, and the guards that protect every route of the app: a route
 * needs a session unless it is `@Public()`, and the role `@Roles()` names.
 */
@Module({
  controllers: [AuthController],
  providers: [
    authProvider,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [AUTH],
})
export class AuthModule {}
