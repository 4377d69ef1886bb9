import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { drizzle, type MySql2Database } from "drizzle-orm/mysql2";
import { migrate } from "drizzle-orm/mysql2/migrator";
import mysql, { type ResultSetHeader } from "mysql2/promise";
import type { Logger } from "pino";

export type Database = MySql2Database;

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
      await migrate(db, { migrationsFolder });
    },
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => pool.end(),
  };
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
