import { readFileSync } from "node:fs";
import { parseEnv } from "node:util";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../src/config/env.js";
import { problemsOf } from "../helpers/config.js";

describe("parseConfig", () => {
  it("has safe development defaults", () => {
    expect(parseConfig({})).toMatchObject({
      NODE_ENV: "development",
      PORT: 3000,
      BODY_LIMIT: 102_400,
      RATE_LIMIT_MAX: 300,
      CORS_ORIGINS: [],
    });
  });

  it("accepts every value .env.example documents", () => {
    const example = parseEnv(readFileSync(".env.example", "utf8"));
    expect(() => parseConfig({ ...example, NODE_ENV: "development" })).not.toThrow();
  });

  it("coerces numbers, splits lists and treats empty values as unset", () => {
    const config = parseConfig({
      PORT: "8080",
      CORS_ORIGINS: "https://a.test, https://b.test",
      HOST: "",
    });
    expect(config.PORT).toBe(8080);
    expect(config.CORS_ORIGINS).toEqual(["https://a.test", "https://b.test"]);
    expect(config.HOST).toBe("0.0.0.0");
  });

  it("reports one line per problem, naming the variable but never its value", () => {
    const problems = problemsOf({ PORT: "not-a-port", LOG_LEVEL: "chatty-level" });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^PORT: /);
    expect(problems[1]).toMatch(/^LOG_LEVEL: /);
    expect(problems.join("\n")).not.toMatch(/not-a-port|chatty-level/);
  });

  it("throws a ConfigError listing the problems", () => {
    expect(() => parseConfig({ PORT: "70000" })).toThrow(ConfigError);
  });
});
