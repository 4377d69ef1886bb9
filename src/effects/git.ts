import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { ProcessRunner } from '../context.js';

/** How the repository step ended. */
export type GitOutcome =
  | { status: 'committed' }
  | { status: 'initialised'; reason: string }
  | { status: 'skipped'; reason: string }
  /** Interrupted through the signal: the repository it began is removed again. */
  | { status: 'stopped' };

const git = (...args: string[]) => ({ command: 'git', args });

/**
 * `git init` on a branch named main and a first commit, unless git is missing or the project already lives in a
 * repository (a monorepo, or a kept `.git`): then the user's repository is left alone. Once
 * `signal` is aborted it stops, and removes the repository it made: a `.git` without its
 * first commit would only be in the way of the commands that make it.
 */
export async function initRepository(
  dir: string,
  run: ProcessRunner,
  signal?: AbortSignal,
): Promise<GitOutcome> {
  const step = (...args: string[]) => run(git(...args), { cwd: dir, signal });
  const version = await step('--version');
  if (signal?.aborted) return { status: 'stopped' };
  if (version.exitCode !== 0) return { status: 'skipped', reason: 'git is not installed' };

  const inside = await step('rev-parse', '--is-inside-work-tree');
  if (signal?.aborted) return { status: 'stopped' };
  if (inside.exitCode === 0)
    return { status: 'skipped', reason: 'already inside a git repository' };

  const stop = async (): Promise<GitOutcome> => {
    await rm(path.join(dir, '.git'), { recursive: true, force: true });
    return { status: 'stopped' };
  };
  const init = await step('init', '--quiet');
  if (signal?.aborted) return stop();
  if (init.exitCode !== 0) return { status: 'skipped', reason: lastLine(init.output) };
  // The CI workflows run on pushes to main, whatever init.defaultBranch says on this machine
  // (unset, git still names it master). `init --initial-branch` needs git 2.28; this does not.
  await step('symbolic-ref', 'HEAD', 'refs/heads/main');
  await step('add', '--all');
  if (signal?.aborted) return stop();
  const commit = await step(
    'commit',
    '--quiet',
    '--no-verify',
    '-m',
    'Initial commit from create-backend',
  );
  // A commit that was made stands, whenever the signal came.
  if (commit.exitCode !== 0 && signal?.aborted) return stop();
  if (commit.exitCode !== 0) {
    return {
      status: 'initialised',
      reason: 'no first commit: set git user.name and user.email, then commit',
    };
  }
  return { status: 'committed' };
}

function lastLine(output: string): string {
  return output.trim().split('\n').at(-1) ?? 'git init failed';
}
