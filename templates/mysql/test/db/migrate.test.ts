import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { pino } from "pino";
import { describe, expect, inject, it } from "vitest";
import { connectDatabase } from "../../src/db/client.js";

describe("migrations", () => {
  it("are applied once when several instances start at the same time", async () => {
    const name = `test_${randomBytes(8).toString("hex")}`;
    const url = new URL(inject("databaseUrl"));
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
      // Identifiers cannot be bound as parameters; this name is made only of hex digits.
      await instances[0]?.db.execute(sql.raw(`drop database if exists ${name}`));
      await Promise.all(instances.map((instance) => instance.close()));
    }
  });
});
