import type { Command } from './effects/package-manager.js';
import type { RandomBytes } from './plan/env-files.js';
import type { Logger } from './ui/logger.js';
import type { Prompter } from './ui/prompter.js';

/** What a finished child process left behind. */
export interface RunResult {
  /** Exit code; -1 when the program could not be started at all (e.g. not installed). */
  exitCode: number;
  /** stdout and stderr, interleaved. */
  output: string;
}

/**
 * Runs a program (never through a shell) and reports how it ended; never throws. Aborting
 * `signal` stops it (its result is then a failure); a program given a signal runs in a process
 * group of its own where the platform has them, and `onGroup` is told its id.
 */
export type ProcessRunner = (
  command: Command,
  options: { cwd: string; signal?: AbortSignal; onGroup?: (group: number) => void },
) => Promise<RunResult>;

/**
 * The world as the commands see it. Everything that touches the terminal, randomness
 * or other processes comes in here, so tests build exactly what a step needs.
 */
export interface Context {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether a person can answer prompts (a TTY on stdin and not CI). */
  interactive: boolean;
  prompter: Prompter | undefined;
  logger: Logger;
  run: ProcessRunner;
  random: RandomBytes;
  /** The time, in milliseconds since the epoch (new migrations are dated with it). */
  now: () => number;
  /** The version of the Node.js running the CLI (`process.versions.node`). */
  nodeVersion: string;
}

/** The prompter to ask with: only when a person can answer and neither `--yes` nor `--json`. */
export function askingPrompter(
  ctx: Pick<Context, 'interactive' | 'prompter'>,
  flags: { yes?: boolean; json?: boolean },
): Prompter | undefined {
  return ctx.interactive && !flags.yes && !flags.json ? ctx.prompter : undefined;
}
