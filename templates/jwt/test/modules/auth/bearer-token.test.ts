import { describe, expect, it } from "vitest";
import { InvalidTokenError, MissingTokenError } from "../../../src/modules/auth/auth.errors.js";
import { bearerToken } from "../../../src/modules/auth/bearer-token.js";

const token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl-_~+/==";

const valid = [`Bearer ${token}`, `bearer ${token}`, `BEARER ${token}`, `Bearer   ${token}`];
const missing = [undefined, "", "Bearer", "Bearer ", `Basic ${token}`, `Bearer${token}`];
const invalid = [
  `Bearer ${token} junk`,
  `Bearer ${token},`,
  `Bearer\t${token}`,
  `Bearer ${token}=x`,
  'Bearer "quoted"',
];

describe("bearerToken", () => {
  it.each(valid)("reads the token of %j", (header) => {
    expect(bearerToken(header)).toBe(token);
  });

  it.each(missing)("refuses %j as a missing token", (header) => {
    expect(() => bearerToken(header)).toThrow(MissingTokenError);
  });

  it.each(invalid)("refuses %j as an invalid token", (header) => {
    expect(() => bearerToken(header)).toThrow(InvalidTokenError);
  });
});
