import { describe, expect, it } from "vitest";
import { corsHeaders } from "../../src/core/cors.js";

describe("corsHeaders", () => {
  it("allows any origin with *, whatever the request's Origin", () => {
    const headersFor = corsHeaders(["*"], ["X-Request-Id"]);
    const expected = [
      ["Access-Control-Allow-Origin", "*"],
      ["Access-Control-Expose-Headers", "X-Request-Id"],
    ];
    expect(headersFor("https://anywhere.example")).toEqual(expected);
    expect(headersFor(undefined)).toEqual(expected);
  });

  it("reflects an allowed origin and varies on Origin", () => {
    const headersFor = corsHeaders(
      ["https://app.example.com", "https://admin.example.com"],
      ["X-Request-Id", "Retry-After"],
    );
    expect(headersFor("https://admin.example.com")).toEqual([
      ["Vary", "Origin"],
      ["Access-Control-Allow-Origin", "https://admin.example.com"],
      ["Access-Control-Expose-Headers", "X-Request-Id, Retry-After"],
    ]);
  });

  it("gives other origins, and requests without one, only Vary", () => {
    const headersFor = corsHeaders(["https://app.example.com"], ["X-Request-Id"]);
    expect(headersFor("https://evil.example")).toEqual([["Vary", "Origin"]]);
    expect(headersFor("https://app.example.com.evil.example")).toEqual([["Vary", "Origin"]]);
    expect(headersFor(undefined)).toEqual([["Vary", "Origin"]]);
  });
});
