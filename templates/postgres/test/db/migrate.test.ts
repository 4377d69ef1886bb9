import { randomBytes } from "node:crypto";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { connectDatabase } from "../../src/db/client.js";
import { onServer } from "../helpers/database.js";

const serverUrl = process.env.DATABASE_URL;
const serverGiven = serverUrl !== undefined && /^postgres(ql)?:\/\//.test(serverUrl);

// The embedded database has one process at a time already (data-dir-lock.ts).
describe.runIf(serverGiven)("migrations on a PostgreSQL server", () => {
  it("are applied once when several instances start at the same time", async () => {
    const url = new URL(serverUrl as string);
    // Identifiers cannot be bound as parameters; this name is made only of hex digits.
    const name = `test_${randomBytes(8).toString("hex")}`;
    await onServer(url.toString(), `create database ${name}`);
    url.pathname = `/${name}`;
    const logger = pino({ level: "silent" });
    const instances = await Promise.all(
      [1, 2, 3].map(() => connectDatabase(url.toString(), logger)),
    );
    try {
      const results = await Promise.allSettled(instances.map((instance) => instance.migrate()));
      expect(results.map((result) => result.status)).toEqual([
        "fulfilled",
        "fulfilled",
        "fulfilled",
      ]);
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
      await onServer(serverUrl as string, `drop database ${name} with (force)`);
    }
  });
});
