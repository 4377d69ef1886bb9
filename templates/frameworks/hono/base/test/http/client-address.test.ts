import { describe, expect, it } from "vitest";
import { clientAddress, clientNetwork } from "../../src/http/client-address.js";

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

describe("clientNetwork", () => {
  it.each([
    { address: "203.0.113.7", expected: "203.0.113.7" },
    { address: "2001:db8:1:2::a", expected: "2001:db8:1:2::/64" },
    { address: "2001:DB8:1:2:ffff:ffff:ffff:ffff", expected: "2001:db8:1:2::/64" },
    { address: "2001:db8:1:3::a", expected: "2001:db8:1:3::/64" },
    { address: "::ffff:203.0.113.7", expected: "203.0.113.7" },
    { address: "fe80::1%eth0", expected: "fe80::/64" },
    { address: "unknown", expected: "unknown" },
  ])("counts $address as $expected", ({ address, expected }) => {
    expect(clientNetwork(address)).toBe(expected);
  });
});
