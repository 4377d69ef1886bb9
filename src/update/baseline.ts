import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { PACKAGE_NAME } from '../cli-name.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import { CHOICE_KEYS } from '../options/schema.js';
import { MANIFEST_FILE, type Manifest } from '../plan/manifest.js';
import { defineResource, TODO } from '../resources/resource.js';

// The baseline of a project is what the CLI version recorded in its manifest generated for its
// recorded options and resources. That version's package (bundled, no dependencies) is fetched
// from the registry once and kept in a cache, or taken from a tarball or directory the user
// points at with --baseline, and run to generate the project again in a temporary directory.

/** Where fetched packages are kept: $CREATE_BACKEND_CACHE, else the user's cache directory. */
export function cacheDirectory(env: Context['env']): string {
  if (env.CREATE_BACKEND_CACHE) return env.CREATE_BACKEND_CACHE;
  const base = env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
  return path.join(base, 'create-backend');
}

const BIN = path.join('bin', 'create-backend.js');

/**
 * The directory of this CLI's package at `version`: the one `from` names (a directory or a
 * `.tgz`), or the cached one, or fetched from the registry into the cache.
 */
export async function baselinePackage(
  version: string,
  from: string | undefined,
  ctx: Context,
): Promise<string> {
  if (from !== undefined) return givenPackage(path.resolve(ctx.cwd, from), ctx);
  const cached = path.join(cacheDirectory(ctx.env), 'packages', version);
  if (existsSync(path.join(cached, BIN))) return cached;

  const work = await mkdtemp(path.join(tmpdir(), 'create-backend-fetch-'));
  try {
    const packed = await ctx.run(
      {
        command: 'npm',
        args: ['pack', `${PACKAGE_NAME}@${version}`, '--pack-destination', work, '--silent'],
      },
      { cwd: work },
    );
    const tarball = packed.output.trim().split('\n').at(-1)?.trim();
    if (packed.exitCode !== 0 || !tarball) {
      throw new CliError(
        `${PACKAGE_NAME} ${version}, which made this project, could not be fetched from the npm registry: point at its package with --baseline <tarball or directory>.`,
      );
    }
    await unpackInto(path.join(work, tarball), cached, ctx);
    return cached;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function givenPackage(from: string, ctx: Context): Promise<string> {
  if (existsSync(path.join(from, BIN))) return from;
  if (!from.endsWith('.tgz') || !existsSync(from)) {
    throw new CliError(
      `--baseline ${from} is neither a ${PACKAGE_NAME} package directory nor a .tgz of one.`,
    );
  }
  // Keyed by content: the same tarball is extracted once.
  const hash = createHash('sha256')
    .update(await readFile(from))
    .digest('hex')
    .slice(0, 16);
  const cached = path.join(cacheDirectory(ctx.env), 'tarballs', hash);
  if (existsSync(path.join(cached, BIN))) return cached;
  await unpackInto(from, cached, ctx);
  return cached;
}

/** Unpack an npm tarball (its files are under `package/`) to `cached`, replacing what is there. */
async function unpackInto(tarball: string, cached: string, ctx: Context): Promise<void> {
  // Unpacked beside its place in the cache, then renamed into it: a rename from elsewhere fails
  // across file systems (a tmpfs /tmp, a cache on disk), and a package cut short is never cached.
  await mkdir(path.dirname(cached), { recursive: true });
  const into = await mkdtemp(path.join(path.dirname(cached), '.extract-'));
  try {
    const result = await ctx.run(
      { command: 'tar', args: ['-xzf', tarball, '-C', into] },
      { cwd: into },
    );
    const root = path.join(into, 'package');
    if (result.exitCode !== 0 || !existsSync(path.join(root, BIN))) {
      throw new CliError(`${tarball} is not a ${PACKAGE_NAME} package (could not unpack it).`);
    }
    await rm(cached, { recursive: true, force: true });
    await rename(root, cached);
  } finally {
    await rm(into, { recursive: true, force: true });
  }
}

/**
 * The files the package in `pkg` generates for the manifest's options and resources: its
 * `create`, then `add resource` for each resource after the example one, never installing.
 */
export async function renderBaseline(
  pkg: string,
  manifest: Manifest,
  ctx: Context,
): Promise<Map<string, string>> {
  const work = await mkdtemp(path.join(tmpdir(), 'create-backend-baseline-'));
  // The package name comes from the directory's name, as it did for the project.
  const dir = path.join(work, manifest.name);
  const cli = async (args: string[], cwd: string) => {
    const result = await ctx.run(
      { command: process.execPath, args: [path.join(pkg, BIN), ...args] },
      {
        cwd,
      },
    );
    if (result.exitCode !== 0) {
      const why = result.output.trim().split('\n').at(-1) ?? '';
      throw new CliError(
        `${PACKAGE_NAME} ${manifest.version} could not generate this project's baseline (${why}).`,
      );
    }
  };
  try {
    const flags = CHOICE_KEYS.flatMap((key) => [`--${key}`, manifest.options[key]]);
    await cli(
      [dir, ...flags, '--pm', manifest.packageManager, '--no-install', '--no-git', '--yes'],
      work,
    );
    for (const record of laterResources(manifest)) {
      const plural = record.plural ? ['--plural', record.plural] : [];
      await cli(
        [
          'add',
          'resource',
          record.name,
          '--fields',
          record.fields,
          ...plural,
          '--no-install',
          '--yes',
        ],
        dir,
      );
    }
    return await readTree(dir);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The resources `add resource` brought: all but the example one `create` starts with. */
function laterResources(manifest: Manifest) {
  const [first, ...rest] = manifest.resources ?? [];
  if (!first) return [];
  const todo = defineResource(TODO).record;
  return first.name === todo.name && first.fields === todo.fields ? rest : [first, ...rest];
}

/** Every file under `dir` but the manifest, by POSIX path. */
async function readTree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dir, full).split(path.sep).join('/');
    if (relative === MANIFEST_FILE) continue;
    files.set(relative, await readFile(full, 'utf8'));
  }
  return files;
}
