import { setImmediate as nextTurn } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { batchedDestination, createLogger, levelForStatus } from "../../src/core/logger.js";

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

  it("writes the lines of one event-loop turn together, in order, after the turn", async () => {
    const writes: string[] = [];
    const logger = createLogger(
      "info",
      batchedDestination({ write: (chunk) => writes.push(chunk) }),
    );
    logger.info("one");
    logger.info("two");
    expect(writes).toEqual([]);
    await nextTurn();
    expect(writes).toHaveLength(1);
    expect(
      writes[0]
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line).msg),
    ).toEqual(["one", "two"]);
    logger.info("three");
    await nextTurn();
    expect(writes).toHaveLength(2);
    expect(JSON.parse(writes[1]).msg).toBe("three");
  });

  it("writes pending lines at once when flushed, as before the process exits", () => {
    const writes: string[] = [];
    const logger = createLogger(
      "info",
      batchedDestination({ write: (chunk) => writes.push(chunk) }),
    );
    logger.info("last words");
    logger.flush();
    expect(writes.map((chunk) => JSON.parse(chunk).msg)).toEqual(["last words"]);
  });

  it("logs 5xx answers as errors and 4xx as warnings", () => {
    expect([200, 304, 400, 404, 429, 500, 503].map(levelForStatus)).toEqual([
      "info",
      "info",
      "warn",
      "warn",
      "warn",
      "error",
      "error",
    ]);
  });
});
