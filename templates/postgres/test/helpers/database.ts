import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import pg from "pg";
import { pino } from "pino";
import { connectDatabase, type DatabaseConnection } from "../../src/db/client.js";

const logger = pino({ level: "silent" });

let embedded: Promise<DatabaseConnection> | undefined;

/**
 * A migrated, empty database for one test file. By default an in-memory PGlite that the test
 * files of one worker take in turn (vitest runs them one after another with `isolate: false`),
 * emptied for each: starting PGlite takes seconds, emptying its tables milliseconds. When
 * DATABASE_URL points at a PostgreSQL server (as in CI), a fresh database on that server that
 * `close()` drops, so test files running in parallel never share tables.
 */
export async function createTestDatabase(): Promise<DatabaseConnection> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl || !/^postgres(ql)?:\/\//.test(serverUrl)) {
    embedded ??= connectDatabase("memory:", logger).then(async (database) => {
      await database.migrate();
      return database;
    });
    const database = await embedded;
    await emptyTables(database);
    // The worker's database stays open for its next test file.
    return { ...database, close: async () => {} };
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

/** Deletes every row of the app's tables; migrations and types stay. */
async function emptyTables({ db }: DatabaseConnection): Promise<void> {
  // Both drivers answer with `rows`; the shared Database type cannot say so.
  const { rows } = (await db.execute(
    sql`select quote_ident(tablename) as name from pg_tables where schemaname = 'public'`,
  )) as unknown as { rows: { name: string }[] };
  if (rows.length === 0) return;
  const tables = rows.map((row) => row.name).join(", ");
  await db.execute(sql.raw(`truncate table ${tables} restart identity cascade`));
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
