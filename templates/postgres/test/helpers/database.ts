import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import pg from "pg";
import { pino } from "pino";
import {
  connectDatabase,
  type DatabaseConnection,
  embeddedConnection,
} from "../../src/db/client.js";

const logger = pino({ level: "silent" });
const root = new URL("../../", import.meta.url);

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
    embedded ??= migratedInMemory();
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

/**
 * An in-memory PGlite with the migrations applied. Creating a PostgreSQL cluster and migrating
 * it takes several seconds; loading a copy of one already migrated takes about a third of that.
 * The first run keeps such a copy in node_modules/.cache/pglite, named after the migrations and
 * PGlite's version, and the runs after it start from the copy.
 */
async function migratedInMemory(): Promise<DatabaseConnection> {
  const folder = new URL("node_modules/.cache/pglite/", root);
  const copy = new URL(`${await migrationsKey()}.tar.gz`, folder);
  const saved = await readFile(copy).catch(() => undefined);
  const client = await PGlite.create(saved ? { loadDataDir: new Blob([saved]) } : {});
  const database = embeddedConnection(client);
  // Nothing to apply when the copy was made from these migrations.
  await database.migrate();
  if (!saved) {
    const dump = await client.dumpDataDir("gzip");
    // Written aside, then renamed: another worker may be saving the same copy.
    const partial = new URL(`${randomBytes(6).toString("hex")}.partial`, folder);
    await mkdir(folder, { recursive: true });
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, copy);
  }
  return database;
}

/** A digest of what a migrated database depends on: the migrations and PGlite's version. */
async function migrationsKey(): Promise<string> {
  const hash = createHash("sha256");
  const pglite = new URL("node_modules/@electric-sql/pglite/package.json", root);
  hash.update(await readFile(pglite, "utf8").catch(() => ""));
  const migrations = new URL("drizzle/", root);
  const files = (await readdir(migrations)).filter((file) => file.endsWith(".sql")).sort();
  for (const file of ["meta/_journal.json", ...files]) {
    hash.update(file);
    hash.update(await readFile(new URL(file, migrations)));
  }
  return hash.digest("hex").slice(0, 16);
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

/** Runs one statement on the server at `url` (creating or dropping a database). */
export async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
