import { execa } from 'execa';
import type { ProcessRunner } from '../context.js';

/**
 * The real process runner: execa, no shell, stdin closed, output captured. A program that can
 * be stopped (given a signal) runs in a process group of its own, stopped whole: an install's
 * own children (install scripts) stop with it, and a run killed outright, which can stop
 * nothing, leaves a group the next run can see is still running (`onGroup`).
 */
export const runProcess: ProcessRunner = async ({ command, args }, { cwd, signal, onGroup }) => {
  const detached = signal !== undefined && process.platform !== 'win32';
  const subprocess = execa(command, args, {
    cwd,
    reject: false,
    all: true,
    stdin: 'ignore',
    detached,
    cancelSignal: detached ? undefined : signal,
  });
  const group = subprocess.pid;
  const stop = () => {
    if (group === undefined) return;
    try {
      process.kill(-group, 'SIGTERM');
    } catch {
      // The group is gone already.
    }
  };
  if (detached && group !== undefined) {
    onGroup?.(group);
    signal?.addEventListener('abort', stop, { once: true });
    // execa's own clean-up on exit leaves detached programs alone.
    process.once('exit', stop);
    if (signal?.aborted) stop();
  }
  try {
    const result = await subprocess;
    const notStarted = result.exitCode === undefined;
    return {
      exitCode: notStarted ? -1 : (result.exitCode ?? 1),
      output: (notStarted ? result.message : result.all) ?? '',
    };
  } finally {
    signal?.removeEventListener('abort', stop);
    process.off('exit', stop);
  }
};
