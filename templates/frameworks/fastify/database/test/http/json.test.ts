import { describe, expect, it } from "vitest";
import { toJson } from "../../src/http/json.js";

describe("toJson", () => {
  it("turns dates into ISO strings at any depth and keeps everything else", () => {
    const createdAt = new Date("2025-01-02T03:04:05.678Z");
    const page = { data: [{ id: "a", done: false, createdAt }], nextCursor: null };
    expect(toJson(page)).toEqual({
      data: [{ id: "a", done: false, createdAt: "2025-01-02T03:04:05.678Z" }],
      nextCursor: null,
    });
  });
});
