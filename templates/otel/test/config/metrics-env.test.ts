import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/env.js";
import { problemsOf } from "../helpers/config.js";

describe("METRICS_TOKEN", () => {
  it("is a random one per process when not set, so /metrics is never open", () => {
    const config = parseConfig({});
    expect(config.METRICS_TOKEN.length).toBeGreaterThanOrEqual(16);
    expect(parseConfig({}).METRICS_TOKEN).not.toBe(config.METRICS_TOKEN);
  });

  it("is at least 16 characters, and required in production", () => {
    expect(problemsOf({ METRICS_TOKEN: "too-short" })).toEqual([
      "METRICS_TOKEN: must be at least 16 characters",
    ]);
    expect(problemsOf({ NODE_ENV: "production" })).toContain(
      "METRICS_TOKEN: is required in production",
    );
    expect(problemsOf({ NODE_ENV: "production", METRICS_TOKEN: "x".repeat(16) })).not.toContain(
      "METRICS_TOKEN: is required in production",
    );
  });
});
