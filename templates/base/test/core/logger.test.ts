import { describe, expect, it } from "vitest";
import { createLogger, requestLogLevel } from "../../src/core/logger.js";

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
