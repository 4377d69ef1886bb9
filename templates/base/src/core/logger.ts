import { type DestinationStream, type Logger, pino } from "pino";
import type { Config } from "../config/env.js";

/**
 * JSON lines on stdout, secrets redacted. Writes are asynchronous (lines queue while a write
 * is in flight) so logging stays off the request path; pino flushes the queue on exit.
 * Redaction paths are exact, not wildcards: a wildcard path is checked against every object
 * logged, which made redaction the largest cost of each request's log line.
 */
export function createLogger(
  level: Config["LOG_LEVEL"],
  destination: DestinationStream = pino.destination({ sync: false }),
): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          "req.headers.authorization",
          "req.headers.cookie",
          'res.headers["set-cookie"]',
          "password",
          "body.password",
          "req.body.password",
          "accessToken",
          "refreshToken",
          "token",
        ],
        censor: "[redacted]",
      },
    },
    destination,
  );
}
