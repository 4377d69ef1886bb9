import { describe, expect, it } from "vitest";
import { createLogger, requestLogLevel, serializeError } from "../../src/core/logger.js";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger("info", { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe("logger", () => {
  it("redacts credentials wherever the app logs them", () => {
    const { logger, lines } = capture();
    logger.info(
      { req: { headers: { authorization: "Bearer secret", cookie: "sid=secret" } } },
      "request",
    );
    logger.info({ password: "hunter2hunter2", refreshToken: "secret" }, "sign-in");
    logger.info({ body: { email: "a@example.com", password: "hunter2hunter2" } }, "body");
    logger.info({ user: { email: "a@example.com", passwordHash: "$argon2id$secret" } }, "row");
    const text = JSON.stringify(lines);
    expect(text).not.toContain("secret");
    expect(text).not.toContain("hunter2");
    expect(lines[2]).toMatchObject({ body: { email: "a@example.com", password: "[redacted]" } });
  });

  it("logs a failed query without the values it was sent, however the driver carries them", () => {
    const { logger, lines } = capture();
    const email = "ada@example.com";
    const hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";
    // As Drizzle wraps a driver's error: the values in its message and in `params`, and the
    // driver's copy of them in fields of its own (PostgreSQL's `detail`, mysql2's `sql`).
    const driverError = Object.assign(new Error("duplicate key value violates unique constraint"), {
      code: "23505",
      detail: `Key (email)=(${email}) already exists.`,
      sql: `insert into users values ('${email}', '${hash}')`,
      params: [email, hash],
    });
    const query = "insert into users (email, password_hash) values ($1, $2)";
    const error = new Error(`Failed query: ${query}\nparams: ${email},${hash}`, {
      cause: driverError,
    });
    Object.assign(error, { query, params: [email, hash] });

    logger.child({ requestId: "abc" }).error({ err: error }, "request failed");
    const text = JSON.stringify(lines);
    expect(text).not.toContain(email);
    expect(text).not.toContain("argon2id");
    expect(lines[0]?.err).toMatchObject({
      message: `Failed query: ${query}`,
      query,
      cause: { message: "duplicate key value violates unique constraint", code: "23505" },
    });
  });

  it("takes an error pino-http has already serialized", () => {
    const error = Object.assign(new Error("Failed query: select $1\nparams: secret-token"), {
      params: ["secret-token"],
    });
    const serialized = { type: "Error", message: error.message, stack: error.stack, raw: error };
    expect(JSON.stringify(serializeError(serialized))).not.toContain("secret-token");
    expect(serializeError("not an error")).toBe("not an error");
  });

  it("writes one JSON object per line with the level and message", () => {
    const { logger, lines } = capture();
    logger.warn({ reqId: "abc" }, "slow");
    expect(lines).toEqual([expect.objectContaining({ level: 40, reqId: "abc", msg: "slow" })]);
  });

  it("logs 5xx answers as errors and 4xx as warnings", () => {
    expect(
      [200, 304, 400, 404, 429, 500, 503].map((status) => requestLogLevel("/api/v1", status)),
    ).toEqual(["info", "info", "warn", "warn", "warn", "error", "error"]);
  });

  it("logs probes that succeed at debug only, and probes that fail as any other request", () => {
    expect(requestLogLevel("/health", 200)).toBe("debug");
    expect(requestLogLevel("/ready?verbose=1", 200)).toBe("debug");
    expect(requestLogLevel("/ready", 503)).toBe("error");
    expect(requestLogLevel("/health", 429)).toBe("warn");
    expect(requestLogLevel("/api/v1/health", 200)).toBe("info");
    expect(requestLogLevel("/healthz", 200)).toBe("info");
  });
});
