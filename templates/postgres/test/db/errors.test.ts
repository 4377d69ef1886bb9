import { once } from "node:events";
import { type AddressInfo, createServer } from "node:net";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { connectDatabase } from "../../src/db/client.js";
import { describeUnavailable, isUnavailable, isUniqueViolation } from "../../src/db/errors.js";

/** A driver's error as Drizzle hands it on: wrapped in an error of its own. */
const failedQuery = (cause: Error) => new Error("Failed query: select 1\nparams: ", { cause });
const withCode = (code: string, message = "failed") => Object.assign(new Error(message), { code });

describe("isUnavailable", () => {
  it("recognises a server that cannot be reached or will not take the connection", () => {
    const errors = [
      withCode("ECONNREFUSED"),
      withCode("ENOTFOUND"),
      withCode("3D000", 'database "app" does not exist'),
      withCode("28P01", 'password authentication failed for user "app"'),
      withCode("57P01", "terminating connection due to administrator command"),
      withCode("08006", "connection failure"),
      new Error("Connection terminated unexpectedly"),
      new Error("timeout exceeded when trying to connect"),
      withCode("SELF_SIGNED_CERT_IN_CHAIN", "self-signed certificate in certificate chain"),
      withCode("ERR_TLS_CERT_ALTNAME_INVALID", "Hostname/IP does not match certificate's altnames"),
    ];
    for (const error of errors) expect(isUnavailable(failedQuery(error)), error.message).toBe(true);
  });

  it("leaves a query's own failures alone", () => {
    const unique = withCode("23505", "duplicate key value violates unique constraint");
    expect(isUnavailable(failedQuery(unique))).toBe(false);
    expect(isUniqueViolation(failedQuery(unique))).toBe(true);
    expect(isUnavailable(failedQuery(withCode("42P01", 'relation "todos" does not exist')))).toBe(
      false,
    );
  });
});

describe("describeUnavailable", () => {
  it("says why without the URL's parts, and what to do in development", () => {
    expect(describeUnavailable(failedQuery(withCode("ECONNREFUSED")))).toEqual({
      reason: "nothing is listening at its host and port",
      fix: "Start PostgreSQL there, or set DATABASE_URL=pglite:.data/dev in .env to use the embedded database.",
    });
    expect(describeUnavailable(withCode("3D000")).reason).toBe(
      "the database it names does not exist",
    );
  });
});

describe("a server without TLS, when DATABASE_URL asks for it", () => {
  it("counts as unavailable, and says why", async () => {
    // Answers the client's SSLRequest as a PostgreSQL server without SSL does.
    const server = createServer((socket) => socket.once("data", () => socket.end("N")));
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as AddressInfo;
    const url = `postgres://app:secret@127.0.0.1:${port}/app?sslmode=verify-full`;
    const database = await connectDatabase(url, pino({ level: "silent" }));
    try {
      const error = await database.ping().catch((failure: unknown) => failure);
      expect(isUnavailable(error)).toBe(true);
      expect(describeUnavailable(error).reason).toBe(
        "its server does not accept TLS, which the URL asks for",
      );
    } finally {
      await database.close();
      server.close();
    }
  });
});
