import { type Logger, pino } from "pino";
import type { Config } from "../config/env.js";

export function createLogger(level: Config["LOG_LEVEL"]): Logger {
  return pino({
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
  });
}
