import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/env.js";
import { problemsOf } from "../helpers/config.js";

describe("DATABASE_URL", () => {
  it("defaults to a SQLite file in .data", () => {
    expect(parseConfig({}).DATABASE_URL).toBe("file:.data/dev.db");
  });

  it("takes a SQLite file, :memory: or a libSQL server", () => {
    const urls = ["file:.data/dev.db", "file:/srv/app.db", ":memory:", "libsql://db.example"];
    for (const url of urls) expect(problemsOf({ DATABASE_URL: url })).toEqual([]);
    // A file: URL without a path would be a temporary database, gone when the process exits.
    for (const url of ["postgres://db/app", "file:"]) {
      expect(problemsOf({ DATABASE_URL: url }), url).toEqual([
        "DATABASE_URL: must be file:<path>, :memory: or a libsql:// URL",
      ]);
    }
    // A URL the driver could not parse is refused with the other problems, not at first use.
    expect(problemsOf({ DATABASE_URL: "libsql://db.example:99999" })).toEqual([
      "DATABASE_URL: must be a valid URL (percent-encode special characters in a password)",
    ]);
  });

  it("must name a database that outlives the process in production", () => {
    const problem = "DATABASE_URL: must be a file: or libsql:// URL in production";
    expect(problemsOf({ NODE_ENV: "production" })).toContain(problem);
    expect(problemsOf({ NODE_ENV: "production", DATABASE_URL: ":memory:" })).toContain(problem);
    for (const url of ["file:/data/app.db", "libsql://db.example"]) {
      expect(problemsOf({ NODE_ENV: "production", DATABASE_URL: url })).not.toContain(problem);
    }
  });
});
