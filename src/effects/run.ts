import { execa } from 'execa';
import type { ProcessRunner } from '../context.js';

/** The real process runner: execa, no shell, stdin closed, output captured. */
export const runProcess: ProcessRunner = async ({ command, args }, { cwd, signal }) => {
  const result = await execa(command, args, {
    cwd,
    reject: false,
    all: true,
    stdin: 'ignore',
    cancelSignal: signal,
  });
  const notStarted = result.exitCode === undefined;
  return {
    exitCode: notStarted ? -1 : (result.exitCode ?? 1),
    output: (notStarted ? result.message : result.all) ?? '',
  };
};
