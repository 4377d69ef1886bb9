import { describe, expect, it } from "vitest";
import { isContentCoded, isJsonInOtherCharset } from "../../src/core/json-charset.js";

describe("isJsonInOtherCharset", () => {
  it.each([
    "application/json; charset=latin1",
    "application/json;charset=ISO-8859-1",
    'application/json; charset="utf-16"',
    "application/problem+json; charset=windows-1252",
    "Application/JSON; Charset=utf8",
  ])("refuses %s", (contentType) => {
    expect(isJsonInOtherCharset(contentType)).toBe(true);
  });

  it.each([
    undefined,
    "application/json",
    "application/json; charset=utf-8",
    'application/json; charset="UTF-8"',
    "application/merge-patch+json; charset=UTF-8",
    "text/plain; charset=latin1",
    "multipart/form-data; boundary=x",
  ])("leaves %s to the rest of the app", (contentType) => {
    expect(isJsonInOtherCharset(contentType)).toBe(false);
  });
});

describe("isContentCoded", () => {
  it.each(["gzip", "br", "deflate", " GZIP ", "gzip, identity"])("refuses %s", (coding) => {
    expect(isContentCoded(coding)).toBe(true);
  });

  it.each([undefined, "", "identity", "Identity"])("reads %s", (coding) => {
    expect(isContentCoded(coding)).toBe(false);
  });
});
