import { type DestinationStream, type Level, type Logger, pino } from "pino";
import type { Config } from "../config/env.js";

/**
 * Credentials never reach the log: request headers that carry them, and the fields the API
 * takes or returns secrets in, wherever they are logged (an error's details included).
 */
export const redactPaths = [
  "req.headers.authorization",
  "req.headers.cookie",
  'res.headers["set-cookie"]',
  "*.password",
  "*.passwordHash",
  "*.accessToken",
  "*.refreshToken",
  "*.token",
  "password",
  "passwordHash",
  "accessToken",
  "refreshToken",
  "token",
];

/** JSON lines on stdout (or `destination`), with credentials redacted. */
export function createLogger(level: Config["LOG_LEVEL"], destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: redactPaths, censor: "[redacted]" } }, destination);
}

/** The paths of the liveness and readiness probes (see the health routes). */
const probePaths = new Set(["/health", "/ready"]);

/**
 * The level of a request's log line: error for 5xx answers, warn for 4xx, info otherwise, and
 * debug for probes that succeed, which a platform calls every few seconds on every instance.
 */
export function requestLogLevel(url: string, status: number): Level {
  if (status >= 500) return "error";
  if (status >= 400) return "warn";
  const path = url.split("?", 1)[0] ?? url;
  return probePaths.has(path) ? "debug" : "info";
}
