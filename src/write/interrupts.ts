import { CancelledError } from '../errors.js';

/** Every way a terminal or a supervisor tells the process to stop. */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs a step that changes the disk with the stop signals (Ctrl-C, `kill`, a closed terminal)
 * caught, so none of them ends the process halfway. The first one aborts the step's signal: the
 * step stops what it waits for (an install) and, before its point of no return, undoes what it
 * did and throws a `CancelledError` saying so. Any other failure of an aborted step is reported
 * as a cancellation too. A step past its point of no return finishes.
 */
export async function interruptible<T>(step: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  for (const name of SIGNALS) process.on(name, abort);
  try {
    return await step(controller.signal);
  } catch (error) {
    if (controller.signal.aborted && !(error instanceof CancelledError)) {
      throw new CancelledError();
    }
    throw error;
  } finally {
    for (const name of SIGNALS) process.off(name, abort);
  }
}
