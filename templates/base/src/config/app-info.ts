import { readFileSync } from "node:fs";

/**
 * The project as its package.json names it: the API index, the OpenAPI document and the
 * defaults that carry the project's name read it here (the same path from `src/` and `dist/`).
 */
export const appInfo: { name: string; version: string } = JSON.parse(
  readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
);
