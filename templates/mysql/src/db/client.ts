import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { drizzle, type MySql2Database } from "drizzle-orm/mysql2";
import { migrate } from "drizzle-orm/mysql2/migrator";
import mysql, { type ResultSetHeader, type RowDataPacket } from "mysql2/promise";
import type { Logger } from "pino";

export type Database = MySql2Database;

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

/**
 * A pool of connections to the MySQL or MariaDB database a `mysql://` URL names, opened as
 * queries need them. `migrate()` creates the database first when the server has none by that
 * name.
 */
export async function connectDatabase(url: string, logger: Logger): Promise<DatabaseConnection> {
  // The tables' DATETIME columns hold UTC.
  const pool = mysql.createPool({ uri: url, timezone: "Z" });
  const db = drizzle({ client: pool });
  return {
    db,
    migrate: async () => {
      await createDatabase(url, logger);
      await migrateLocked(pool);
    },
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => pool.end(),
  };
}

/** How long an instance waits for another one to finish applying the migrations. */
const MIGRATION_LOCK_TIMEOUT_S = 600;

/**
 * Applies the migrations on one connection that holds a named lock meanwhile: Drizzle's
 * migrator takes none, and instances starting at once would each apply the same migrations
 * (MySQL commits each DDL statement as it runs). The others wait, then find nothing to apply.
 */
async function migrateLocked(pool: mysql.Pool): Promise<void> {
  const connection = await pool.getConnection();
  try {
    // The lock's name is the server's, so it is made of the database's.
    const [[{ locked }]] = await connection.query<({ locked: number | null } & RowDataPacket)[]>(
      "select get_lock(concat('drizzle_migrations.', database()), ?) as locked",
      [MIGRATION_LOCK_TIMEOUT_S],
    );
    if (locked !== 1) {
      throw new Error(
        `another instance was still applying them after ${MIGRATION_LOCK_TIMEOUT_S} s`,
      );
    }
    await migrate(drizzle({ client: connection }), { migrationsFolder });
  } finally {
    // Closing the connection releases the lock, whatever state the migration left it in.
    connection.destroy();
  }
}

async function createDatabase(url: string, logger: Logger): Promise<void> {
  const server = new URL(url);
  const name = decodeURIComponent(server.pathname.slice(1));
  server.pathname = "";
  const connection = await mysql.createConnection({ uri: server.toString() });
  try {
    // `??` is an identifier placeholder: the name is quoted, not pasted.
    const [result] = await connection.query<ResultSetHeader>(
      "create database if not exists ?? character set utf8mb4",
      [name],
    );
    if (result.affectedRows > 0) logger.info({ database: name }, "database created");
  } finally {
    await connection.end();
  }
}
