import { Module } from "@nestjs/common";
import { SERVICES, type Services } from "../../dependencies.module.js";
import { AuthModule } from "../auth/auth.module.js";
import { UsersController } from "./users.controller.js";
import { UsersService } from "./users.service.js";

@Module({
  imports: [AuthModule],
  controllers: [UsersController],
  providers: [
    { provide: UsersService, useFactory: ({ users }: Services) => users, inject: [SERVICES] },
  ],
})
export class UsersModule {}
