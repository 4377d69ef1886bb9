import { describe, expect, it } from "vitest";
import { describeUnavailable, isUnavailable, isUniqueViolation } from "../../src/db/errors.js";

/** A driver's error as Drizzle hands it on: wrapped in an error of its own. */
const failedQuery = (cause: Error) => new Error("Failed query: select 1\nparams: ", { cause });
const libsqlError = (code: string, extendedCode = code) =>
  Object.assign(new Error(`${code}: failed`), { code, extendedCode });

describe("isUnavailable", () => {
  it("recognises a server that cannot be reached, and a file that cannot be opened or stays locked", () => {
    // fetch's error for a libSQL server that is down, with the socket's error as its cause.
    const refused = new TypeError("fetch failed", {
      cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:8080"), {
        code: "ECONNREFUSED",
      }),
    });
    const errors = [refused, libsqlError("SQLITE_BUSY"), libsqlError("SQLITE_CANTOPEN")];
    for (const error of errors) expect(isUnavailable(failedQuery(error)), error.message).toBe(true);
    expect(describeUnavailable(failedQuery(refused)).reason).toBe(
      "nothing is listening at its host and port",
    );
  });

  it("leaves a query's own failures alone", () => {
    const unique = libsqlError("SQLITE_CONSTRAINT", "SQLITE_CONSTRAINT_UNIQUE");
    expect(isUnavailable(failedQuery(unique))).toBe(false);
    expect(isUniqueViolation(failedQuery(unique))).toBe(true);
    expect(isUnavailable(failedQuery(libsqlError("SQLITE_ERROR")))).toBe(false);
  });
});
