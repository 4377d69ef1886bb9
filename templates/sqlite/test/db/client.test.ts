import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase, type Database, type DatabaseConnection } from "../../src/db/client.js";

/** What SQLite reports of the connection that runs the query. */
const settings = (db: Pick<Database, "get">) =>
  db.get(sql`select * from pragma_journal_mode, pragma_foreign_keys, pragma_busy_timeout`);

describe("a SQLite file database", () => {
  let dir: string;
  let database: DatabaseConnection;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "db-"));
    const url = `file:${path.join(dir, "nested", "app.db")}`;
    database = await connectDatabase(url, pino({ level: "silent" }));
  });

  afterAll(async () => {
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("writes ahead, enforces foreign keys and waits for locks, on every connection", async () => {
    const expected = { journal_mode: "wal", foreign_keys: 1, timeout: 5000 };
    // While the transaction holds one connection, the query beside it gets another.
    await database.db.transaction(async (tx) => {
      expect(await settings(tx)).toEqual(expected);
      expect(await settings(database.db)).toEqual(expected);
    });
  });
});
