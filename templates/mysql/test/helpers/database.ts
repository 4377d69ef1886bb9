import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { pino } from "pino";
import { inject } from "vitest";
import { connectDatabase, type DatabaseConnection } from "../../src/db/client.js";

const logger = pino({ level: "silent" });

/**
 * A migrated, empty database for one test file, made on the server DATABASE_URL names (checked
 * by test/global-setup.ts) and dropped by `close()`, so test files running in parallel never
 * share tables.
 */
export async function createTestDatabase(): Promise<DatabaseConnection> {
  const name = `test_${randomBytes(8).toString("hex")}`;
  const url = new URL(inject("databaseUrl"));
  url.pathname = `/${name}`;
  const database = await connectDatabase(url.toString(), logger);
  // Creates the database, then its tables.
  await database.migrate();
  return {
    ...database,
    close: async () => {
      // Identifiers cannot be bound as parameters; this name is made only of hex digits.
      await database.db.execute(sql.raw(`drop database ${name}`));
      await database.close();
    },
  };
}
