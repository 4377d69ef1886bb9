import { randomBytes } from "node:crypto";
import pg from "pg";
import { pino } from "pino";
import { connectDatabase, type DatabaseConnection } from "../../src/db/client.js";

const logger = pino({ level: "silent" });

/**
 * A migrated, empty database for one test file: in-memory PGlite by default, or, when
 * DATABASE_URL points at a PostgreSQL server (as in CI), a fresh database on that server that
 * `close()` drops, so test files running in parallel never share tables.
 */
export async function createTestDatabase(): Promise<DatabaseConnection> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl || !/^postgres(ql)?:\/\//.test(serverUrl)) {
    const database = await connectDatabase("memory:", logger);
    await database.migrate();
    return database;
  }
  // Identifiers cannot be bound as parameters; this name is made only of hex digits.
  const name = `test_${randomBytes(8).toString("hex")}`;
  await onServer(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await connectDatabase(url.toString(), logger);
  await database.migrate();
  return {
    ...database,
    close: async () => {
      await database.close();
      await onServer(serverUrl, `drop database ${name} with (force)`);
    },
  };
}

async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
