import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/errors.js';
import { interruptible } from '../../src/write/interrupts.js';

const listeners = () =>
  ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'].map((signal) => process.listenerCount(signal));

describe('interruptible', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const)(
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

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGQUIT', 131],
  ] as const)(
    'ends a run %s stops with the exit code a shell gives it: %i',
    async (signal, code) => {
      const stopped = interruptible(async () => {
        process.emit(signal, signal);
        throw new CancelledError('Cancelled: nothing was written.');
      });
      await expect(stopped).rejects.toMatchObject({
        exitCode: code,
        message: 'Cancelled: nothing was written.',
      });
    },
  );

  it('keeps the code of the first signal when a second comes during the clean-up', async () => {
    const stopped = interruptible(async () => {
      process.emit('SIGTERM', 'SIGTERM');
      process.emit('SIGINT', 'SIGINT');
      throw new Error('install killed');
    });
    await expect(stopped).rejects.toMatchObject({ exitCode: 143, message: 'Cancelled' });
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

  it('gives a step inside another the outer signal, which a stop before it has aborted', async () => {
    const before = listeners();
    const inner = await interruptible(async (outer) => {
      process.emit('SIGINT', 'SIGINT');
      return interruptible(async (signal) => {
        expect(listeners()).toEqual(before.map((count) => count + 1));
        return signal === outer && signal.aborted;
      });
    });
    expect(inner).toBe(true);
    expect(listeners()).toEqual(before);
  });

  it('lets the signals go once the step is over', async () => {
    const before = listeners();
    await interruptible(async () => {
      expect(listeners()).toEqual(before.map((count) => count + 1));
    });
    expect(listeners()).toEqual(before);
  });
});
