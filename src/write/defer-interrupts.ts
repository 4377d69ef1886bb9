import { CancelledError } from '../errors.js';

/**
 * Run a short critical step with Ctrl-C held back, so an interrupt never leaves it half done;
 * an interrupt that arrived meanwhile cancels the run right after the step completes.
 */
export async function deferInterrupts<T>(step: () => Promise<T>): Promise<T> {
  let interrupted = false;
  const hold = () => {
    interrupted = true;
  };
  process.on('SIGINT', hold);
  process.on('SIGTERM', hold);
  let result: T;
  try {
    result = await step();
  } finally {
    process.off('SIGINT', hold);
    process.off('SIGTERM', hold);
  }
  if (interrupted) throw new CancelledError();
  return result;
}
