import { afterEach, describe, expect, it, vi } from "vitest";
import {
  type BatchOptions,
  batchedDestination,
  createLogger,
  requestLogLevel,
} from "../../src/core/logger.js";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger("info", { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

/** A logger writing through a batched destination, and the chunks that destination wrote. */
function batching(options?: BatchOptions) {
  const writes: string[] = [];
  const destination = batchedDestination({ write: (chunk) => writes.push(chunk) }, options);
  return { logger: createLogger("info", destination), destination, writes };
}

/** The messages of the lines in one write. */
function messages(chunk: string): unknown[] {
  return chunk
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line).msg);
}

afterEach(() => {
  vi.useRealTimers();
});

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

  it("writes the lines logged within maxDelayMs together, in order, once that time is up", () => {
    vi.useFakeTimers();
    const { logger, writes } = batching({ maxDelayMs: 10 });
    logger.info("one");
    vi.advanceTimersByTime(5);
    logger.info("two");
    vi.advanceTimersByTime(4);
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(writes).toHaveLength(1);
    expect(messages(writes[0])).toEqual(["one", "two"]);
    logger.info("three");
    vi.advanceTimersByTime(10);
    expect(writes.map(messages)).toEqual([["one", "two"], ["three"]]);
  });

  it("writes at once when more than maxPending characters wait", () => {
    vi.useFakeTimers();
    const { logger, writes } = batching({ maxPending: 200 });
    logger.info("x".repeat(100));
    expect(writes).toEqual([]);
    logger.info("y".repeat(100));
    expect(writes).toHaveLength(1);
    expect(messages(writes[0])).toEqual(["x".repeat(100), "y".repeat(100)]);
    // Nothing is left for the first line's timer to write.
    vi.advanceTimersByTime(60_000);
    expect(writes).toHaveLength(1);
  });

  it("does not keep the process alive while lines wait", () => {
    const { destination, writes } = batching();
    const before = process.getActiveResourcesInfo().filter((name) => name === "Timeout").length;
    destination.write('{"msg":"pending"}\n');
    const during = process.getActiveResourcesInfo().filter((name) => name === "Timeout").length;
    destination.flush();
    expect(during).toBe(before);
    expect(writes).toEqual(['{"msg":"pending"}\n']);
  });

  it("writes pending lines at once when flushed, as before the process exits", () => {
    const { logger, writes } = batching();
    logger.info("last words");
    logger.flush();
    expect(writes.map((chunk) => JSON.parse(chunk).msg)).toEqual(["last words"]);
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
