import { type DestinationStream, type Level, type Logger, pino } from "pino";
import type { Config } from "../config/env.js";

export interface BatchedDestination extends DestinationStream {
  /** Writes what is pending now; pino's `logger.flush()` calls it. */
  flush(callback?: (error?: Error) => void): void;
}

export interface BatchOptions {
  /** The longest a line waits before it is written, in milliseconds. */
  maxDelayMs?: number;
  /** How many characters may wait; one more line and everything pending is written at once. */
  maxPending?: number;
}

/**
 * Gathers log lines and hands them to `target` in a single write, `maxDelayMs` after the first
 * of them or as soon as `maxPending` characters wait. A busy server logs a line per request.
 * Writing each one on its own (or queueing each on libuv's thread pool, as pino's asynchronous
 * mode does) costs more than some requests do, and so, measurably, did writing the lines of each
 * event-loop turn after it: one write every few milliseconds costs about as little as not
 * logging. Lines keep their order. The timer does not keep the process alive; what is
 * pending when it exits is written then (see stdoutDestination).
 */
export function batchedDestination(
  target: DestinationStream,
  { maxDelayMs = 10, maxPending = 64 * 1024 }: BatchOptions = {},
): BatchedDestination {
  let pending: string[] = [];
  let size = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = (callback?: (error?: Error) => void) => {
    clearTimeout(timer);
    timer = undefined;
    if (pending.length > 0) {
      const chunk = pending.join("");
      pending = [];
      size = 0;
      target.write(chunk);
    }
    callback?.();
  };
  return {
    write(line: string) {
      pending.push(line);
      size += line.length;
      if (size >= maxPending) flush();
      else timer ??= setTimeout(flush, maxDelayMs).unref();
    },
    flush,
  };
}

let stdout: BatchedDestination | undefined;

/**
 * Standard output, batched. pino's synchronous destination does the writing (it retries a full
 * pipe and stops at a closed one); what is pending when the process exits is written then.
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

/** The paths of the liveness and readiness probes (see the health routes). */
const probePaths = new Set(["/health", "/ready"]);

/**
 * The level of a request's log line: errors for 5xx answers, warnings for 4xx, info otherwise,
 * and debug for probes that succeed. A platform calls the probes every few seconds on every
 * instance; at `LOG_LEVEL=debug` their lines are written too. `url` is the path, with or
 * without a query.
 */
export function requestLogLevel(url: string, status: number): Level {
  if (status >= 500) return "error";
  if (status >= 400) return "warn";
  const queryAt = url.indexOf("?");
  return probePaths.has(queryAt === -1 ? url : url.slice(0, queryAt)) ? "debug" : "info";
}
