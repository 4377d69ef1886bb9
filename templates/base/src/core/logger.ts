import { type Logger, pino } from "pino";
import type { Config } from "../config/env.js";

/**
 * JSON lines on stdout, secrets redacted. Writes are asynchronous (lines queue while a write
 * is in flight) so logging stays off the request path; pino flushes the queue on exit.
 */
export function createLogger(level: Config["LOG_LEVEL"]): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          "req.headers.authorization",
          "req.headers.cookie",
          'res.headers["set-cookie"]',
          "*.password",
          "*.accessToken",
          "*.refreshToken",
          "*.token",
        ],
        censor: "[redacted]",
      },
    },
    pino.destination({ sync: false }),
  );
}
