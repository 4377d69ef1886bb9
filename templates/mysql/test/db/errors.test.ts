import { describe, expect, it } from "vitest";
import { describeUnavailable, isUnavailable, isUniqueViolation } from "../../src/db/errors.js";

/** A driver's error as Drizzle hands it on: wrapped in an error of its own. */
const failedQuery = (cause: Error) => new Error("Failed query: select 1\nparams: ", { cause });
const withCode = (code: string, fields: object = {}) =>
  Object.assign(new Error("failed"), { code, ...fields });

describe("isUnavailable", () => {
  it("recognises a server that cannot be reached or will not take the connection", () => {
    const errors = [
      withCode("ECONNREFUSED", { fatal: true }),
      withCode("ENOTFOUND", { fatal: true }),
      withCode("PROTOCOL_CONNECTION_LOST", { fatal: true }),
      withCode("ER_ACCESS_DENIED_ERROR", { errno: 1045 }),
      withCode("ER_BAD_DB_ERROR", { errno: 1049 }),
      withCode("ER_CON_COUNT_ERROR", { errno: 1040 }),
    ];
    for (const error of errors) expect(isUnavailable(failedQuery(error)), error.code).toBe(true);
  });

  it("leaves a query's own failures alone", () => {
    const duplicate = withCode("ER_DUP_ENTRY", { errno: 1062 });
    expect(isUnavailable(failedQuery(duplicate))).toBe(false);
    expect(isUniqueViolation(failedQuery(duplicate))).toBe(true);
    expect(isUnavailable(failedQuery(withCode("ER_NO_SUCH_TABLE", { errno: 1146 })))).toBe(false);
  });
});

describe("describeUnavailable", () => {
  it("says why without the URL's parts", () => {
    expect(describeUnavailable(failedQuery(withCode("ECONNREFUSED"))).reason).toBe(
      "nothing is listening at its host and port",
    );
    expect(describeUnavailable(withCode("ER_ACCESS_DENIED_ERROR")).reason).toBe(
      "the server refuses its user name or password",
    );
    // mysql2 marks both fatal; the server is there, but not as the URL asks.
    expect(describeUnavailable(withCode("HANDSHAKE_NO_SSL_SUPPORT", { fatal: true })).reason).toBe(
      "its server does not accept TLS, which the URL asks for",
    );
    expect(describeUnavailable(withCode("SELF_SIGNED_CERT_IN_CHAIN", { fatal: true })).reason).toBe(
      "its server's TLS certificate cannot be verified",
    );
  });
});
