import type { Logger } from "pino";
import type { Config } from "../config/env.js";
import { exitOnStartupError } from "../core/startup.js";
import { connectDatabase, type DatabaseConnection } from "./client.js";
import { describeUnavailable, isUnavailable } from "./errors.js";

/**
 * Connects to the database DATABASE_URL names, and checks that it answers (in development by
 * applying the migrations), before the server listens. When it cannot be reached, the server
 * does not start: it prints why in one line (with what to do, in development) and exits.
 */
export async function startDatabase(
  config: Pick<Config, "DATABASE_URL" | "NODE_ENV">,
  logger: Logger,
): Promise<DatabaseConnection> {
  const development = config.NODE_ENV === "development";
  try {
    const database = await connectDatabase(config.DATABASE_URL, logger);
    if (development) await database.migrate();
    else await database.ping();
    return database;
  } catch (error) {
    if (!isUnavailable(error)) throw error;
    const { reason, fix } = describeUnavailable(error);
    const line = `Cannot connect to the database in DATABASE_URL: ${reason}.`;
    return exitOnStartupError(development ? `${line} ${fix}` : line);
  }
}
