import type { Logger } from "pino";
import type { Config } from "../config/env.js";
import { exitOnStartupError } from "../core/startup.js";
import { connectDatabase, type DatabaseConnection } from "./client.js";
import { describeUnavailable, isUnavailable } from "./errors.js";

type DatabaseConfig = Pick<Config, "DATABASE_URL" | "NODE_ENV">;

/**
 * Connects to the database DATABASE_URL names, and checks that it answers (in development by
 * applying the migrations), before the server listens. When it cannot be reached, the server
 * does not start: it prints why in one line (with what to do, in development) and exits.
 */
export function startDatabase(config: DatabaseConfig, logger: Logger): Promise<DatabaseConnection> {
  return openDatabase(config, logger, config.NODE_ENV === "development" ? "migrate" : "ping");
}

/**
 * Connects, then applies the migrations or only checks that the database answers; for the
 * server and the scripts alike. A database that cannot be reached, or migrations that cannot
 * be applied (to rows that break a new constraint, say), end the process with one line.
 */
export async function openDatabase(
  config: DatabaseConfig,
  logger: Logger,
  check: "migrate" | "ping",
): Promise<DatabaseConnection> {
  let database: DatabaseConnection | undefined;
  try {
    database = await connectDatabase(config.DATABASE_URL, logger);
    await (check === "migrate" ? database.migrate() : database.ping());
    return database;
  } catch (error) {
    await database?.close().catch(() => {});
    if (isUnavailable(error)) {
      const { reason, fix } = describeUnavailable(error);
      const line = `Cannot connect to the database in DATABASE_URL: ${reason}.`;
      return exitOnStartupError(config.NODE_ENV === "development" ? `${line} ${fix}` : line);
    }
    if (check === "migrate") {
      return exitOnStartupError(
        `Cannot apply the migrations in drizzle/: ${rootCause(error)}. Change the rows that break it, or the migration.`,
      );
    }
    throw error;
  }
}

/** The driver's message under the ORM's (which repeats the whole query). */
function rootCause(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}
