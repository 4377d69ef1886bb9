import { describe, expect, it } from "vitest";
import { listenErrorMessage } from "../../src/core/startup.js";

const failure = (code: string) => Object.assign(new Error(`listen ${code}`), { code });

describe("listenErrorMessage", () => {
  it.each([
    ["EADDRINUSE", /already in use.*set PORT/],
    ["EACCES", /permission denied.*set PORT to 1024 or above/],
    ["EADDRNOTAVAIL", /HOST is not an address of this machine/],
    ["ENOTFOUND", /HOST does not resolve/],
    ["EOTHER", /listen EOTHER/],
  ])("explains %s in one line", (code, reason) => {
    const message = listenErrorMessage(failure(code), "0.0.0.0", 80);
    expect(message).toMatch(/^Cannot listen on 0\.0\.0\.0:80: /);
    expect(message).toMatch(reason);
    expect(message).not.toContain("\n");
  });
});
