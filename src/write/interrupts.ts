import { constants } from 'node:os';
import type { ProcessRunner } from '../context.js';
import { CancelledError } from '../errors.js';

/** Every way a terminal or a supervisor tells the process to stop (Ctrl-C, `kill`, a closed terminal, Ctrl-\). */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const;

/** The signal of the outermost step running, which the steps inside it share. */
let running: AbortSignal | undefined;

/**
 * Runs a step that changes the disk with the stop signals caught, so none of them ends the
 * process halfway. The first one aborts the step's signal: the step stops what it waits for
 * (an install) and, before its point of no return, undoes what it did and throws a
 * `CancelledError` saying so. Any other failure of an aborted step is reported as a
 * cancellation too, with the exit code a shell gives a process that signal ends (130 for
 * SIGINT, 143 for SIGTERM), as when it arrives outside such a step. A step past its point of
 * no return finishes. A step inside another shares its signal: the outer one answers.
 */
export async function interruptible<T>(step: (signal: AbortSignal) => Promise<T>): Promise<T> {
  if (running) return step(running);
  const controller = new AbortController();
  let received: (typeof SIGNALS)[number] | undefined;
  const handlers = SIGNALS.map((name) => {
    const abort = () => {
      received ??= name;
      controller.abort();
    };
    process.on(name, abort);
    return () => process.off(name, abort);
  });
  running = controller.signal;
  try {
    return await step(controller.signal);
  } catch (error) {
    if (!received) throw error;
    const exitCode = 128 + constants.signals[received];
    throw new CancelledError(error instanceof CancelledError ? error.message : undefined, exitCode);
  } finally {
    running = undefined;
    for (const off of handlers) off();
  }
}

/** Stops a step that has changed nothing yet once `signal` is aborted. */
export function stopIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError(NOTHING_CHANGED);
}

export const NOTHING_CHANGED = 'Cancelled: nothing was changed.';

/** The runner `run`, with every program it starts stopped once `signal` is aborted. */
export function stoppedBy(run: ProcessRunner, signal: AbortSignal | undefined): ProcessRunner {
  if (!signal) return run;
  return (command, options) => run(command, { signal, ...options });
}
