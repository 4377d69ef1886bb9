import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { promisify } from "node:util";

/** Runs the server compiled to dist/ with the OpenTelemetry setup, as `start` does. */
export const serverArgs = ["--import", "./dist/instrumentation.js", "dist/server.js"];

/**
 * Compiles src/ to dist/ with SWC, as `dev` does: NestJS's dependency injection needs the
 * decorator metadata SWC emits, which tsx cannot.
 */
export async function prepareServer(): Promise<void> {
  const swc = createRequire(import.meta.url).resolve("@swc/cli/bin/swc.js");
  const args = ["src", "-d", "dist", "--strip-leading-paths", "--quiet"];
  await promisify(execFile)(process.execPath, [swc, ...args]);
}
