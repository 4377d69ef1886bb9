import { type DynamicModule, Module } from "@nestjs/common";
import { APP_FILTER, RouterModule } from "@nestjs/core";
import { ApiModule, apiRoutes } from "./api.module.js";
import { type AppDependencies, DependenciesModule } from "./dependencies.module.js";
import { HealthController } from "./http/health.controller.js";
import { ProblemFilter } from "./http/problem.filter.js";

@Module({})
export class AppModule {
  static register(dependencies: AppDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DependenciesModule.forRoot(dependencies),
        ApiModule,
        RouterModule.register(apiRoutes),
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
    };
  }
}
