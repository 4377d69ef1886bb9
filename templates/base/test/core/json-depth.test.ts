import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH, nestsDeeperThan } from "../../src/core/json-depth.js";

const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

describe("nestsDeeperThan", () => {
  it("counts arrays and objects together", () => {
    expect(nestsDeeperThan(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(nestsDeeperThan(nested(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(nestsDeeperThan('{"a":{"b":[{}]}}', 3)).toBe(true);
    expect(nestsDeeperThan('{"a":{"b":[{}]}}', 4)).toBe(false);
  });

  it("skips brackets inside strings, escaped quotes included", () => {
    expect(nestsDeeperThan(JSON.stringify({ title: "[".repeat(1000) }))).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ title: `\\"${"{".repeat(1000)}` }))).toBe(false);
  });

  it("does not mind text that is not JSON", () => {
    expect(nestsDeeperThan("")).toBe(false);
    expect(nestsDeeperThan("]]]")).toBe(false);
  });
});
