import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "@libsql/client";
import { sql } from "drizzle-orm";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import type { Logger } from "pino";

export type Database = LibSQLDatabase;

/** What `db.transaction(async (tx) => …)` hands its callback; repositories' writes take one. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface DatabaseConnection {
  db: Database;
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

// The same relative path works from src/db (tsx) and dist/db (node).
const migrationsFolder = fileURLToPath(new URL("../../drizzle", import.meta.url));

/** How long a statement waits for another connection's write lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Connects by URL: `file:<path>` to a SQLite file (creating its directory), `:memory:` to a
 * throwaway in-memory database, `libsql://` to a libSQL server (with DATABASE_AUTH_TOKEN).
 */
export async function connectDatabase(url: string, logger: Logger): Promise<DatabaseConnection> {
  const file = url.startsWith("file:") ? url.slice("file:".length).split("?")[0] : undefined;
  if (file) mkdirSync(dirname(file), { recursive: true });
  const client = createClient({
    url,
    // env.ts has validated it, and loadConfig() has read .env into the environment.
    authToken: process.env.DATABASE_AUTH_TOKEN || undefined,
    // Applied to every connection the client opens; libSQL enforces foreign keys on each.
    timeout: BUSY_TIMEOUT_MS,
  });
  if (file) {
    // Readers no longer wait for the writer; the mode is kept in the file once set.
    const { rows } = await client.execute("PRAGMA journal_mode = WAL");
    const mode = rows[0]?.journal_mode;
    if (mode !== "wal") logger.warn({ mode }, "the database file cannot use WAL mode");
  }
  const db = drizzle({ client });
  return {
    db,
    migrate: () => migrate(db, { migrationsFolder }),
    ping: async () => {
      await db.run(sql`select 1`);
    },
    close: async () => client.close(),
  };
}
