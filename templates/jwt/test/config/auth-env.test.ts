import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/env.js";
import { problemsOf } from "../helpers/config.js";

describe("token settings", () => {
  it("default to short access tokens, month-long refresh tokens and a random secret", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      AUTH_RATE_LIMIT_MAX: 20,
      ACCESS_TOKEN_TTL: 900,
      REFRESH_TOKEN_TTL: 2_592_000,
    });
    expect(config.JWT_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(parseConfig({}).JWT_SECRET).not.toBe(config.JWT_SECRET);
  });

  it("read lifetimes in seconds, minutes, hours or days", () => {
    expect(parseConfig({ ACCESS_TOKEN_TTL: "2h" }).ACCESS_TOKEN_TTL).toBe(7200);
    expect(problemsOf({ REFRESH_TOKEN_TTL: "a month" })).toEqual([
      "REFRESH_TOKEN_TTL: must be a number followed by s, m, h or d, e.g. 15m",
    ]);
  });

  it("require a secret of 32 characters or more, and in production one that is set", () => {
    expect(problemsOf({ JWT_SECRET: "too-short" })).toEqual([
      "JWT_SECRET: must be at least 32 characters",
    ]);
    expect(problemsOf({ NODE_ENV: "production" })).toContain(
      "JWT_SECRET: is required in production",
    );
    expect(problemsOf({ NODE_ENV: "production", JWT_SECRET: "x".repeat(32) })).not.toContain(
      "JWT_SECRET: is required in production",
    );
  });
});
