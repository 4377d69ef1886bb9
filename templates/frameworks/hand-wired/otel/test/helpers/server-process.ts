/** Runs the server from source with the OpenTelemetry setup, as `dev` does. */
export const serverArgs = [
  "--import",
  "tsx",
  "--import",
  "./src/instrumentation.ts",
  "src/server.ts",
];

/** Nothing to build: tsx compiles the sources as they load. */
export async function prepareServer(): Promise<void> {}
