import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/errors.js';
import { interruptible } from '../../src/write/interrupts.js';

const listeners = () =>
  ['SIGINT', 'SIGTERM', 'SIGHUP'].map((signal) => process.listenerCount(signal));

describe('interruptible', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)(
    'turns %s into an aborted signal instead of ending the process',
    async (signal) => {
      const aborted = await interruptible(async (stop) => {
        process.emit(signal, signal);
        return stop.aborted;
      });
      expect(aborted).toBe(true);
    },
  );

  it('reports a step that fails after an interrupt as cancelled', async () => {
    const failing = interruptible(async () => {
      process.emit('SIGTERM', 'SIGTERM');
      throw new Error('install killed');
    });
    await expect(failing).rejects.toBeInstanceOf(CancelledError);
  });

  it('keeps the step’s own account of a cancellation, and its errors when not interrupted', async () => {
    const cancelled = interruptible(async () => {
      process.emit('SIGINT', 'SIGINT');
      throw new CancelledError('Cancelled: nothing was changed.');
    });
    await expect(cancelled).rejects.toThrow('Cancelled: nothing was changed.');
    await expect(interruptible(() => Promise.reject(new Error('disk full')))).rejects.toThrow(
      'disk full',
    );
  });

  it('lets the signals go once the step is over', async () => {
    const before = listeners();
    await interruptible(async () => {
      expect(listeners()).toEqual(before.map((count) => count + 1));
    });
    expect(listeners()).toEqual(before);
  });
});
