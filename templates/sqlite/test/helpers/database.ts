import { pino } from "pino";
import { connectDatabase, type DatabaseConnection } from "../../src/db/client.js";

const logger = pino({ level: "silent" });

/**
 * A migrated, empty database of its own for a test file or app: SQLite in memory, which takes
 * milliseconds to create and is gone once closed.
 */
export async function createTestDatabase(): Promise<DatabaseConnection> {
  const database = await connectDatabase(":memory:", logger);
  await database.migrate();
  return database;
}
