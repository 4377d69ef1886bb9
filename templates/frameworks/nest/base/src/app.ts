import type { NestApplicationOptions } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import type { NestExpressApplication } from "@nestjs/platform-express";
import helmet from "helmet";
import { Logger } from "nestjs-pino";
import { AppModule } from "./app.module.js";
import { exposedHeaders, originOption } from "./core/cors.js";
import type { AppDependencies } from "./dependencies.module.js";
import { setupOpenApi } from "./openapi/document.js";

/** Options for creating the Nest app, shared with the tests' testing module. */
export const appOptions: NestApplicationOptions = {
  // JsonBodyMiddleware parses bodies instead, after the request logger.
  bodyParser: false,
  // Nest's own messages wait for nestjs-pino's logger (`useLogger` below).
  bufferLogs: true,
  // Fail with an error instead of process.abort() when a provider cannot be resolved.
  abortOnError: false,
};

/** Creates the configured Nest app without listening, so tests can drive it in-process. */
export async function createApp(
  dependencies: AppDependencies,
  options: NestApplicationOptions = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(dependencies), {
    ...appOptions,
    ...options,
  });
  return configureApp(app, dependencies);
}

/** Installs what sits in front of the routes: logging, security headers, CORS and the docs. */
export function configureApp(
  app: NestExpressApplication,
  { config }: AppDependencies,
): Promise<NestExpressApplication> {
  app.useLogger(app.get(Logger));
  app.disable("x-powered-by");
  app.set("trust proxy", config.TRUST_PROXY);
  // Without upgrade-insecure-requests, /docs also loads its assets over plain HTTP.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  app.enableCors({ origin: originOption(config.CORS_ORIGINS), exposedHeaders });
  setupOpenApi(app);
  return app.init();
}
