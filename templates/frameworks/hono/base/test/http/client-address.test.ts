import { describe, expect, it } from "vitest";
import { clientAddress } from "../../src/http/client-address.js";

describe("clientAddress", () => {
  it.each([
    { forwardedFor: undefined, trustProxy: 0, expected: "10.0.0.1" },
    { forwardedFor: "203.0.113.7", trustProxy: 0, expected: "10.0.0.1" },
    { forwardedFor: "203.0.113.7", trustProxy: 1, expected: "203.0.113.7" },
    { forwardedFor: "spoofed, 203.0.113.7", trustProxy: 1, expected: "203.0.113.7" },
    { forwardedFor: "198.51.100.2, 203.0.113.7", trustProxy: 2, expected: "198.51.100.2" },
    { forwardedFor: "203.0.113.7", trustProxy: 5, expected: "203.0.113.7" },
  ])("trusts $trustProxy proxies of X-Forwarded-For: $forwardedFor", (row) => {
    expect(clientAddress("10.0.0.1", row.forwardedFor, row.trustProxy)).toBe(row.expected);
  });
});
