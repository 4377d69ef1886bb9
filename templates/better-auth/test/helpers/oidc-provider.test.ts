import { expect, it, vi } from "vitest";
import { startOidcProvider } from "./oidc-provider.js";

it("starts the stand-in provider without oidc-provider's warnings about its defaults", async () => {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
  try {
    const provider = await startOidcProvider();
    await provider.close();
    expect(warn.mock.calls.flat().join("\n")).not.toMatch(/oidc-provider WARNING/);
  } finally {
    warn.mockRestore();
  }
});
