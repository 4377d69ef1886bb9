import { describe, expect, it } from "vitest";
import { InvalidTokenError, MissingTokenError } from "../../../src/modules/auth/auth.errors.js";
import { bearerToken } from "../../../src/modules/auth/bearer-token.js";

const token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl-_~+/==";

describe("bearerToken", () => {
  it.each([
    [`Bearer ${token}`],
    [`bearer ${token}`],
    [`BEARER ${token}`],
    [`Bearer   ${token}`],
  ])("reads the token of %j", (header) => {
    expect(bearerToken(header)).toBe(token);
  });

  it.each([
    [undefined],
    [""],
    ["Bearer"],
    ["Bearer "],
    [`Basic ${token}`],
    [`Bearer${token}`],
  ])("refuses %j as a missing token", (header) => {
    expect(() => bearerToken(header)).toThrow(MissingTokenError);
  });

  it.each([
    [`Bearer ${token} junk`],
    [`Bearer ${token},`],
    [`Bearer\t${token}`],
    [`Bearer ${token}=x`],
    ['Bearer "quoted"'],
  ])("refuses %j as an invalid token", (header) => {
    expect(() => bearerToken(header)).toThrow(InvalidTokenError);
  });
});
