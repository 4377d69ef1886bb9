import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/env.js";
import { problemsOf } from "../helpers/config.js";

describe("DATABASE_URL", () => {
  it("defaults to an embedded PGlite database in .data/dev", () => {
    expect(parseConfig({}).DATABASE_URL).toBe("pglite:.data/dev");
  });

  it("takes a PostgreSQL URL, a PGlite directory or memory:", () => {
    const urls = ["postgres://app@db/app", "postgresql://db/app", "pglite:/tmp/x", "memory:"];
    for (const url of urls) expect(problemsOf({ DATABASE_URL: url })).toEqual([]);
    // An embedded database needs its directory; memory: takes nothing after it.
    for (const url of ["mysql://db/app", "pglite:", "memory:x"]) {
      expect(problemsOf({ DATABASE_URL: url }), url).toEqual([
        "DATABASE_URL: must be a postgres:// or postgresql:// URL, pglite:<dir> or memory:",
      ]);
    }
    // A URL the driver could not parse is refused with the other problems, not at first use.
    expect(problemsOf({ DATABASE_URL: "postgres://app:secret@db:99999/app" })).toEqual([
      "DATABASE_URL: must be a valid URL (percent-encode special characters in a password)",
    ]);
  });

  it("must name a PostgreSQL server in production", () => {
    expect(problemsOf({ NODE_ENV: "production" })).toContain(
      "DATABASE_URL: must be a postgres:// URL in production",
    );
    expect(
      problemsOf({ NODE_ENV: "production", DATABASE_URL: "postgres://app:secret@db:5432/app" }),
    ).not.toContain("DATABASE_URL: must be a postgres:// URL in production");
  });
});
