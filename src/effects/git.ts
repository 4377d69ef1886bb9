import type { ProcessRunner } from '../context.js';

/** How the repository step ended. */
export type GitOutcome =
  | { status: 'committed' }
  | { status: 'initialised'; reason: string }
  | { status: 'skipped'; reason: string };

const git = (...args: string[]) => ({ command: 'git', args });

/**
 * `git init` on a branch named main and a first commit, unless git is missing or the project already lives in a
 * repository (a monorepo, or a kept `.git`): then the user's repository is left alone.
 */
export async function initRepository(dir: string, run: ProcessRunner): Promise<GitOutcome> {
  const version = await run(git('--version'), { cwd: dir });
  if (version.exitCode !== 0) return { status: 'skipped', reason: 'git is not installed' };

  const inside = await run(git('rev-parse', '--is-inside-work-tree'), { cwd: dir });
  if (inside.exitCode === 0)
    return { status: 'skipped', reason: 'already inside a git repository' };

  const init = await run(git('init', '--quiet'), { cwd: dir });
  if (init.exitCode !== 0) return { status: 'skipped', reason: lastLine(init.output) };
  // The CI workflows run on pushes to main, whatever init.defaultBranch says on this machine
  // (unset, git still names it master). `init --initial-branch` needs git 2.28; this does not.
  await run(git('symbolic-ref', 'HEAD', 'refs/heads/main'), { cwd: dir });

  await run(git('add', '--all'), { cwd: dir });
  const commit = await run(
    git('commit', '--quiet', '--no-verify', '-m', 'Initial commit from create-backend'),
    { cwd: dir },
  );
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
