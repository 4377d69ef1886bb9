import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/core/logger.js";

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
});
