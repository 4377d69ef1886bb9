import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/env.js";
import { problemsOf } from "../helpers/config.js";

describe("session settings", () => {
  it("default to a random secret per process", () => {
    const config = parseConfig({});
    expect(config.BETTER_AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(parseConfig({}).BETTER_AUTH_SECRET).not.toBe(config.BETTER_AUTH_SECRET);
  });

  it("require in production a secret that is set and the API's public URL", () => {
    const problems = problemsOf({ NODE_ENV: "production" });
    expect(problems).toContain("BETTER_AUTH_SECRET: is required in production");
    expect(problems.some((problem) => problem.startsWith("BETTER_AUTH_URL:"))).toBe(true);
  });

  it("refuse * as an origin: browsers do not send cookies to an answer allowing any origin", () => {
    expect(problemsOf({ CORS_ORIGINS: "https://app.test, *" })).toEqual([
      "CORS_ORIGINS: cannot be * with cookie sessions: list the origins",
    ]);
    expect(parseConfig({ CORS_ORIGINS: "https://app.test" }).CORS_ORIGINS).toEqual([
      "https://app.test",
    ]);
  });
});
