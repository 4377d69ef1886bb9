import type { Level } from "pino";
import { createLogger } from "../../src/core/logger.js";

/** Log lines parsed into `lines`: from `destination`, or from `logger`, the app's at `level`. */
export function captureLogs(level: Level = "info") {
  const lines: Record<string, unknown>[] = [];
  const destination = { write: (line: string) => lines.push(JSON.parse(line)) };
  return { lines, destination, logger: createLogger(level, destination) };
}
