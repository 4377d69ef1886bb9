import { Controller, Get, Inject, Query, UseGuards } from "@nestjs/common";
import { type PageQuery, pageQuerySchema } from "../../core/pagination.js";
import { ZodValidationPipe } from "../../http/zod-validation.pipe.js";
import type { AuthUser } from "../auth/access-tokens.js";
import { AuthGuard } from "../auth/auth.guard.js";
import { CurrentUser } from "../auth/current-user.decorator.js";
import { Roles, RolesGuard } from "../auth/roles.guard.js";
import { UsersService } from "./users.service.js";

@Controller("users")
@UseGuards(AuthGuard, RolesGuard)
export class UsersController {
  constructor(@Inject(UsersService) private readonly users: UsersService) {}

  @Get("me")
  me(@CurrentUser() user: AuthUser) {
    return this.users.get(user.id);
  }

  @Get()
  @Roles(["admin"])
  list(@Query(new ZodValidationPipe(pageQuerySchema)) query: PageQuery) {
    return this.users.list(query);
  }
}
