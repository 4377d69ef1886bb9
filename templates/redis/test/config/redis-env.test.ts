import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/env.js";
import { problemsOf } from "../helpers/config.js";

describe("REDIS_URL", () => {
  it("keeps rate limits in memory unless it names a Redis server", () => {
    expect(parseConfig({ REDIS_URL: "" }).REDIS_URL).toBeUndefined();
    expect(parseConfig({ REDIS_URL: "rediss://cache.internal:6380/1" }).REDIS_URL).toBe(
      "rediss://cache.internal:6380/1",
    );
    expect(problemsOf({ REDIS_URL: "cache.internal:6379" })).toEqual([
      "REDIS_URL: must start with redis:// or rediss://",
    ]);
    // A URL the driver could not parse is refused with the other problems, not at first use.
    expect(problemsOf({ REDIS_URL: "redis://cache.internal:99999" })).toEqual([
      "REDIS_URL: must be a valid URL (percent-encode special characters in a password)",
    ]);
  });
});
