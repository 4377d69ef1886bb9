import { access, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { RUN_COMMAND } from '../cli-name.js';
import type { Context } from '../context.js';
import { installOrRestore, LOCKFILES } from '../effects/install.js';
import { runScriptCommand, scriptCommand } from '../effects/package-manager.js';
import { CancelledError, CliError } from '../errors.js';
import { hashContent, MANIFEST_FILE, type Manifest } from '../plan/manifest.js';
import { type RunJournal, trackChildren } from '../project/lock.js';
import { resolveInside } from '../project/safe-path.js';
import { INSTALL_SLOW_HINT, startProgress } from '../ui/progress.js';
import { freeBackupPath } from '../write/backup-path.js';
import { interruptible } from '../write/interrupts.js';
import { writeTransaction } from '../write/writer.js';
import type { FileChange } from './reconcile.js';

/** What applying the changes did. */
export interface Applied {
  /** Whether package.json asks for other packages than before. */
  dependenciesChanged: boolean;
  installed: boolean;
  /** Whether the project's Biome formatted the new source (false: it is not installed). */
  formatted: boolean;
}

/**
 * Write the changes (conflicts keep the user's file as `<file>.orig`), install when
 * package.json changed and format the new code, all or nothing: a failure or an interruption
 * before the commit point restores every file and `node_modules`.
 */
export async function applyChanges(
  root: string,
  changes: readonly FileChange[],
  manifest: Manifest,
  options: {
    install: boolean;
    /** The command that would do it again, for messages: `add cache redis`. */
    rerun: string;
    /** Package scripts to run once installed, inside the all-or-nothing step. */
    scripts?: readonly string[];
    /** The lock's journal, so a run killed halfway can be undone by the next one. */
    journal?: RunJournal;
  },
  ctx: Context,
): Promise<Applied> {
  const { rerun, journal } = options;
  const run = trackChildren(ctx.run, journal);
  const files: { path: string; content: string }[] = [];
  const removed: string[] = [];
  for (const change of changes) {
    if (change.kind === 'delete') {
      removed.push(change.path);
      continue;
    }
    files.push({ path: change.path, content: change.after });
    if (change.kind === 'conflict') {
      files.push({ path: await freeBackupPath(root, change.path), content: change.before });
    }
  }
  const dependenciesChanged = changes.some(
    (change) =>
      change.path === 'package.json' &&
      change.after !== undefined &&
      !sameDependencies(change.before, change.after),
  );
  const applied: Applied = { dependenciesChanged, installed: false, formatted: false };
  const interrupted = await interruptible(async (signal) => {
    const install = dependenciesChanged && options.install;
    const transaction = await writeTransaction(root, files, {
      journal,
      keep: install ? LOCKFILES : [],
      remove: removed,
    });
    try {
      if (install) {
        const progress = startProgress(`Installing dependencies with ${manifest.packageManager}`, {
          logger: ctx.logger,
          slowHint: INSTALL_SLOW_HINT,
        });
        const installed = await installOrRestore(
          root,
          manifest.packageManager,
          run,
          signal,
          journal,
        );
        if (installed.exitCode === 0 && !signal.aborted) progress.stop('Dependencies installed');
        else progress.fail(signal.aborted ? 'Install stopped' : 'Installing dependencies failed');
        if (signal.aborted) throw new CancelledError('Cancelled: nothing was changed.');
        if (installed.exitCode !== 0) {
          const tail = installed.output.trim().split('\n').slice(-15).join('\n');
          if (tail) ctx.logger.detail(tail);
          throw new CliError(
            `Installing dependencies failed, so nothing was changed: fix the cause above and run "${RUN_COMMAND} ${rerun}" again.`,
          );
        }
        applied.installed = true;
        for (const script of options.scripts ?? []) {
          const ran = await run(scriptCommand(manifest.packageManager, script), {
            cwd: root,
            signal,
          });
          if (signal.aborted) throw new CancelledError('Cancelled: nothing was changed.');
          if (ran.exitCode !== 0) {
            ctx.logger.detail(ran.output.trim().split('\n').slice(-15).join('\n'));
            throw new CliError(
              `"${runScriptCommand(manifest.packageManager, script)}" failed, so nothing was changed: fix the cause above and run "${RUN_COMMAND} ${rerun}" again.`,
            );
          }
        }
      } else if (signal.aborted) {
        throw new CancelledError('Cancelled: nothing was changed.');
      }
      // The formatter rewrites what the transaction wrote: a run killed meanwhile must not
      // read its own formatting as the user's edits, which it would refuse to undo.
      journal?.note({ formatting: true });
      applied.formatted = await formatWritten(root, changes, ctx);
    } catch (error) {
      await transaction.rollback();
      throw error;
    }
    // Past the install, undoing would leave node_modules out of step with package.json.
    await transaction.commit();
    return signal.aborted;
  });
  if (interrupted) {
    ctx.logger.warn(`Interrupted once the install had finished: "${rerun}" is done.`);
  }
  return applied;
}

export const isSource = (file: string) => file.endsWith('.ts');

/**
 * Refuse, before anything is written, changes that would lose the user's work: edits that
 * clash (conflicts) and files to change that the user renamed or deleted. `--force` takes the
 * generated versions (conflicting files are kept as `<file>.orig`).
 */
export function assertSafe(
  changes: readonly FileChange[],
  what: string,
  { force, dryRun }: { force?: boolean; dryRun?: boolean },
): void {
  if (force) return;
  const conflicts = changes.filter((change) => change.kind === 'conflict');
  if (conflicts.length > 0) {
    const see = dryRun
      ? 'the clashes are marked above'
      : 're-run with --dry-run to see the clashes';
    throw new CliError(
      `${what} would overwrite your edits in ${conflicts.map((c) => c.path).join(', ')}; nothing was changed (${see}). Merge those by hand, or re-run with --force to take the generated versions (yours are kept as <file>.orig).`,
    );
  }
  const missing = changes.filter((change) => change.kind === 'missing');
  if (missing.length > 0) {
    const paths = missing.map((change) => change.path).join(', ');
    const one = missing.length === 1;
    throw new CliError(
      `${what} changes ${paths}, which ${one ? 'is' : 'are'} missing (renamed or deleted?); nothing was changed. Put ${one ? 'it' : 'them'} back (e.g. git checkout -- ${paths}), or re-run with --force to recreate ${one ? 'it' : 'them'}.`,
    );
  }
}

const DEPENDENCY_FIELDS = [
  'dependencies',
  'devDependencies',
  'optionalDependencies',
  'peerDependencies',
  'overrides',
  'resolutions',
  'pnpm',
] as const;

/** Whether two package.json texts ask for the same packages (scripts may differ). */
export function sameDependencies(before: string | undefined, after: string): boolean {
  if (before === undefined) return false;
  try {
    const [a, b] = [JSON.parse(before), JSON.parse(after)];
    return DEPENDENCY_FIELDS.every(
      (field) => JSON.stringify(a[field] ?? null) === JSON.stringify(b[field] ?? null),
    );
  } catch {
    return false;
  }
}

/**
 * Run the project's own Biome (formatter and import sorting, not its linter) over the source
 * files `add` wrote, so code named after a new resource is laid out as the project's lint
 * expects, and record the formatted hashes of files. Returns false when Biome is not installed
 * (the caller says what to run).
 */
async function formatWritten(
  root: string,
  changes: readonly FileChange[],
  ctx: Context,
): Promise<boolean> {
  const biome = path.join(root, 'node_modules', '.bin', 'biome');
  const installed = await access(biome).then(
    () => true,
    () => false,
  );
  if (!installed) return false;
  const paths = changes.map((change) => change.path).filter(isSource);
  if (paths.length === 0) return true;
  const args = ['check', '--write', '--linter-enabled=false', '--no-errors-on-unmatched'];
  const formatted = await ctx.run({ command: biome, args: [...args, ...paths] }, { cwd: root });
  if (formatted.exitCode !== 0) {
    ctx.logger.detail(formatted.output.trim().split('\n').slice(-15).join('\n'));
    throw new CliError(
      "The project's Biome could not format the new code (output above), so nothing was changed.",
    );
  }
  // Files wholly generated get their formatted hash; merged ones keep the generated version's,
  // so the next `add` still sees the user's edits in them.
  const generated = changes
    .filter((change) => change.kind === 'create' || change.kind === 'update')
    .map((change) => change.path)
    .filter(isSource);
  const manifestPath = resolveInside(root, MANIFEST_FILE);
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
  for (const file of generated) {
    const content = await readFile(resolveInside(root, file), 'utf8').catch(() => undefined);
    if (content !== undefined && file in manifest.files)
      manifest.files[file] = hashContent(content);
  }
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return true;
}
