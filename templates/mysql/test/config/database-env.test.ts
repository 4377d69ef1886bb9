import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/env.js";
import { problemsOf } from "../helpers/config.js";

describe("DATABASE_URL", () => {
  it("defaults to the app database on a local MySQL server", () => {
    expect(parseConfig({}).DATABASE_URL).toBe("mysql://app:app@127.0.0.1:3306/app");
  });

  it("takes a mysql:// URL only", () => {
    expect(problemsOf({ DATABASE_URL: "mysql://app:secret@db:3306/app" })).toEqual([]);
    expect(problemsOf({ DATABASE_URL: "postgres://db/app" })).toEqual([
      "DATABASE_URL: must start with mysql://",
    ]);
    // A URL the driver could not parse is refused with the other problems, not at first use.
    expect(problemsOf({ DATABASE_URL: "mysql://app:secret@db:99999/app" })).toEqual([
      "DATABASE_URL: must be a valid URL (percent-encode special characters in a password)",
    ]);
  });

  it("must be set in production", () => {
    expect(problemsOf({ NODE_ENV: "production" })).toContain(
      "DATABASE_URL: must be set to a mysql:// URL in production",
    );
    expect(
      problemsOf({ NODE_ENV: "production", DATABASE_URL: "mysql://app:secret@db:3306/app" }),
    ).not.toContain("DATABASE_URL: must be set to a mysql:// URL in production");
  });
});
