import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import type { Logger } from "pino";
import { lockDataDir } from "./data-dir-lock.js";

export type Database = PgDatabase<PgQueryResultHKT>;

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

/** How long a query waits for a new connection to the server; node-postgres waits for ever. */
const CONNECT_TIMEOUT_MS = 5000;

/**
 * Connects by URL scheme: `postgres://` to a pooled PostgreSQL server, `pglite:<dir>` to an
 * embedded database in that directory, `memory:` to a throwaway in-memory one.
 */
export async function connectDatabase(url: string, logger: Logger): Promise<DatabaseConnection> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    // Without a listener, an idle client losing its connection would crash the process.
    pool.on("error", (error) => logger.error({ err: error }, "idle database client failed"));
    const db = drizzlePg({ client: pool });
    return connection(
      db,
      () => migrateOnServer(pool),
      () => pool.end(),
    );
  }
  if (url === "memory:") return embeddedConnection(await PGlite.create());
  const dataDir = url.slice("pglite:".length);
  mkdirSync(dataDir, { recursive: true });
  // One process at a time: see data-dir-lock.ts.
  const unlock = await lockDataDir(dataDir);
  try {
    return embeddedConnection(await PGlite.create(dataDir), unlock);
  } catch (error) {
    unlock();
    throw error;
  }
}

/**
 * Applies the migrations on one connection that holds an advisory lock meanwhile: Drizzle's
 * migrator takes none, and instances starting at once would each apply the same migrations and
 * all but one fail. The others wait, then find nothing left to apply.
 */
async function migrateOnServer(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock(hashtext('drizzle migrations'))");
    await migratePg(drizzlePg({ client }), { migrationsFolder });
  } finally {
    // Closing the connection releases the lock, whatever state the migration left it in.
    client.release(true);
  }
}

/** A connection to an embedded PGlite database that is already open; `onClose` runs after it. */
export function embeddedConnection(client: PGlite, onClose?: () => void): DatabaseConnection {
  const db = drizzlePglite({ client });
  return connection(
    db,
    () => migratePglite(db, { migrationsFolder }),
    async () => {
      await client.close();
      onClose?.();
    },
  );
}

function connection(
  db: Database,
  migrate: () => Promise<void>,
  close: () => Promise<void>,
): DatabaseConnection {
  return {
    db,
    migrate,
    close,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
  };
}
