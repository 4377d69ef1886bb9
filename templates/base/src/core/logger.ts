import {
  type DestinationStream,
  type Level,
  type Logger,
  pino,
  type SerializedError,
  stdSerializers,
} from "pino";
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

/**
 * Where a failed query's values show up in its error: Drizzle's and PGlite's `params`,
 * PostgreSQL's `detail` (the key or row that failed), mysql2's `sql` (the statement with the
 * values written in), and PGlite's `queryOptions`.
 */
const queryValueFields = ["params", "detail", "sql", "queryOptions"];

/**
 * pino's error serializer, with each `cause` as an error of its own, less the values a failed
 * query was sent with: they are whatever the request held, a password hash or a token included.
 * Drizzle also writes them into its message, after the query: `Failed query: …\nparams: …`.
 */
export function serializeError(value: unknown): unknown {
  // pino-http hands custom serializers its own serialization, which keeps the error as `raw`.
  const error = value instanceof Error ? value : (value as { raw?: unknown } | null)?.raw;
  if (!(error instanceof Error)) return value;
  return withoutQueryValues(stdSerializers.errWithCause(error));
}

function withoutQueryValues(error: SerializedError): SerializedError {
  for (const field of queryValueFields) delete error[field];
  const params = error.message.indexOf("\nparams: ");
  if (params >= 0) {
    const message = error.message.slice(0, params);
    error.stack = error.stack?.replace(error.message, message);
    error.message = message;
  }
  if (error.cause) withoutQueryValues(error.cause);
  error.aggregateErrors?.forEach(withoutQueryValues);
  return error;
}

/** JSON lines on stdout (or `destination`), with credentials redacted. */
export function createLogger(level: Config["LOG_LEVEL"], destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: redactPaths, censor: "[redacted]" },
      serializers: { err: serializeError },
    },
    destination,
  );
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
