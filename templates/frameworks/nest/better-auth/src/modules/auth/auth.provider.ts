import type { Provider } from "@nestjs/common";
import type { Logger } from "pino";
import type { Config } from "../../config/env.js";
import type { Database } from "../../db/client.js";
import { CONFIG, DATABASE, LOGGER } from "../../dependencies.module.js";
import { createMailer } from "../email/mailer.js";
import { type Auth, createAuth } from "./auth.js";

/** Injection token of the app's Better Auth instance: `@Inject(AUTH) auth: Auth`. */
export const AUTH = Symbol("AUTH");

export const authProvider: Provider<Auth> = {
  provide: AUTH,
  useFactory: (config: Config, db: Database, logger: Logger) =>
    createAuth({ config, db, mailer: createMailer(config, logger), logger }),
  inject: [CONFIG, DATABASE, LOGGER],
};
