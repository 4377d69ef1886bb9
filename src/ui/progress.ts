import type { Logger } from './logger.js';
import type { Spinner } from './prompter.js';

/** A long step the user waits for, shown with the time it has taken so far. */
export interface Progress {
  stop(message: string): void;
  fail(message: string): void;
}

export interface ProgressOptions {
  /** Shown in a terminal; without one, progress goes to the log. */
  spinner?: Spinner;
  logger: Logger;
  /** How often the time is shown, in milliseconds. */
  every?: number;
  /** After this long, a hint says where to look if the wait is not normal. */
  slowAfter?: number;
  slowHint?: string;
}

/**
 * Starts showing `message` with the seconds it has run: the spinner's text in a terminal, a
 * line now and then in a log, so a slow install never looks like a hung one.
 */
export function startProgress(
  message: string,
  {
    spinner,
    logger,
    every = spinner ? 1_000 : 30_000,
    slowAfter = 90_000,
    slowHint,
  }: ProgressOptions,
): Progress {
  const started = Date.now();
  if (spinner) spinner.start(message);
  else logger.info(`${message}…`);
  let hinted = false;
  const timer = setInterval(() => {
    const elapsed = Date.now() - started;
    const slow = slowHint !== undefined && elapsed >= slowAfter;
    const text = `${message} (${formatElapsed(elapsed)}${slow ? `; ${slowHint}` : ''})`;
    if (spinner) spinner.message(text);
    else if (slow && !hinted) logger.warn(text);
    else logger.info(text);
    hinted ||= slow;
  }, every);
  timer.unref();
  const end = (show: (text: string) => void) => (text: string) => {
    clearInterval(timer);
    show(`${text} in ${formatElapsed(Date.now() - started)}`);
  };
  return {
    stop: end((text) => (spinner ? spinner.stop(text) : logger.success(text))),
    fail: end((text) => (spinner ? spinner.fail(text) : logger.warn(text))),
  };
}

/** What to check when an install takes far longer than usual. */
export const INSTALL_SLOW_HINT =
  'slow: check the network and the registry (npm config get registry); Ctrl-C stops it';

/** `42 s`, `2 min 5 s`. */
export function formatElapsed(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
