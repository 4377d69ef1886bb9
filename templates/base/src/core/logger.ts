import { type DestinationStream, type Level, type Logger, pino } from "pino";
import type { Config } from "../config/env.js";

export interface BatchedDestination extends DestinationStream {
  /** Writes what is pending now; pino's `logger.flush()` calls it. */
  flush(callback?: (error?: Error) => void): void;
}

/**
 * Gathers the lines logged during one turn of the event loop and hands them to `target` in a
 * single write once the turn is over. A busy server logs a line per request; writing each one
 * on its own (or queueing each on libuv's thread pool, as pino's asynchronous mode does) cost
 * more than some requests do, while one write per turn costs about as little as not logging.
 * Lines keep their order; nothing waits longer than the current turn.
 */
export function batchedDestination(target: DestinationStream): BatchedDestination {
  let pending: string[] = [];
  const flush = (callback?: (error?: Error) => void) => {
    if (pending.length > 0) {
      const chunk = pending.join("");
      pending = [];
      target.write(chunk);
    }
    callback?.();
  };
  return {
    write(line: string) {
      if (pending.push(line) === 1) setImmediate(flush);
    },
    flush,
  };
}

let stdout: BatchedDestination | undefined;

/**
 * Standard output, batched per turn. pino's synchronous destination does the writing (it retries
 * a full pipe and stops at a closed one); what is pending when the process exits is written then.
 */
function stdoutDestination(): BatchedDestination {
  if (!stdout) {
    const destination = batchedDestination(pino.destination({ sync: true }));
    process.on("exit", () => destination.flush());
    stdout = destination;
  }
  return stdout;
}

/**
 * JSON lines on stdout, secrets redacted. Redaction paths are exact, not wildcards: a wildcard
 * path is checked against every object logged, which made redaction the largest cost of each
 * request's log line.
 */
export function createLogger(
  level: Config["LOG_LEVEL"],
  destination: DestinationStream = stdoutDestination(),
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

/** The level of a request's log line: errors for 5xx answers, warnings for 4xx, info otherwise. */
export function levelForStatus(status: number): Level {
  if (status >= 500) return "error";
  return status >= 400 ? "warn" : "info";
}
