import { Controller, Get, Query } from "@nestjs/common";
import { ApiBearerAuth, ApiOkResponse, ApiOperation } from "@nestjs/swagger";
import { type PageQuery, pageQuerySchema } from "../../core/pagination.js";
import { ApiProblems } from "../../http/problem-responses.js";
import type { AuthUser } from "../auth/access-tokens.js";
import { CurrentUser } from "../auth/current-user.decorator.js";
import { Roles } from "../auth/roles.guard.js";
import { userPageSchema, userSchema } from "./user.schemas.js";
import { UsersService } from "./users.service.js";

@Controller("users")
@ApiBearerAuth()
@ApiProblems(401, 429, 500)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get("me")
  @ApiOperation({ summary: "The signed-in user" })
  @ApiOkResponse({ description: "The signed-in user", standardSchema: userSchema })
  me(@CurrentUser() user: AuthUser) {
    return this.users.get(user.id);
  }

  @Get()
  @ApiOperation({ summary: "List users (admins only)" })
  @Roles(["admin"])
  @ApiOkResponse({ description: "A page of users (admins only)", standardSchema: userPageSchema })
  @ApiProblems(400, 403)
  list(@Query({ schema: pageQuerySchema }) query: PageQuery) {
    return this.users.list(query);
  }
}
