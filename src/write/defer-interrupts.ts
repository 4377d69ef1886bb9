import { CancelledError } from '../errors.js';

/** Every way a terminal or a supervisor tells the process to stop. */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Run a short critical step with Ctrl-C held back, so an interrupt never leaves it half done;
 * an interrupt that arrived meanwhile cancels the run right after the step completes.
 */
export async function deferInterrupts<T>(step: () => Promise<T>): Promise<T> {
  let interrupted = false;
  const hold = () => {
    interrupted = true;
  };
  for (const signal of SIGNALS) process.on(signal, hold);
  let result: T;
  try {
    result = await step();
  } finally {
    for (const signal of SIGNALS) process.off(signal, hold);
  }
  if (interrupted) throw new CancelledError();
  return result;
}
