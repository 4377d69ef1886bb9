import { Module } from "@nestjs/common";
import type { Database } from "../../db/client.js";
import { DATABASE } from "../../dependencies.module.js";
import { UsersController } from "./users.controller.js";
import { UsersRepository } from "./users.repository.js";
import { UsersService } from "./users.service.js";

@Module({
  controllers: [UsersController],
  providers: [
    {
      provide: UsersRepository,
      useFactory: (db: Database) => new UsersRepository(db),
      inject: [DATABASE],
    },
    {
      provide: UsersService,
      useFactory: (repository: UsersRepository) => new UsersService(repository),
      inject: [UsersRepository],
    },
  ],
  exports: [UsersRepository],
})
export class UsersModule {}
