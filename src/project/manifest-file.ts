import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod/mini';
import { PACKAGE_NAME } from '../cli-name.js';
import { CliError } from '../errors.js';
import { brokenRule } from '../options/rules.js';
import { choicesSchema, PACKAGE_MANAGERS } from '../options/schema.js';
import { MANIFEST_FILE, type Manifest } from '../plan/manifest.js';
import { defineResource, recordedResource } from '../resources/resource.js';
import { CLI_VERSION } from '../version.js';
import { packageNameProblem } from './package-name.js';

const manifestSchema = z.object({
  generator: z.optional(z.string()),
  version: z.string(),
  name: z.string(),
  packageManager: z.enum(PACKAGE_MANAGERS),
  options: choicesSchema,
  resources: z.optional(
    z.array(z.object({ name: z.string(), plural: z.optional(z.string()), fields: z.string() })),
  ),
  modules: z.array(z.string()),
  files: z.record(z.string(), z.string()),
});

/** A released version: `major.minor.patch`, with an optional pre-release tag. */
const VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/** Whether `version` is a release's version, as npm publishes them (`1.2.0`, `2.0.0-rc.1`). */
export const isReleaseVersion = (version: string): boolean => VERSION.test(version);

/**
 * The project `dir` is in, as git finds its repository: `dir` or the nearest parent with a
 * `create-backend.json`; a clear error when there is none up to the filesystem root.
 */
export async function findProjectRoot(dir: string): Promise<string> {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    try {
      await access(path.join(current, MANIFEST_FILE));
      return current;
    } catch {
      if (path.dirname(current) === current) break;
    }
  }
  throw new CliError(
    `No ${MANIFEST_FILE} in ${dir} or its parents: run this inside a project created by create-backend.`,
  );
}

/** Read and check `create-backend.json` in `dir`; a clear error when it is missing or broken. */
export async function readManifest(dir: string): Promise<Manifest> {
  const file = path.join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new CliError(
      `No ${MANIFEST_FILE} in ${dir}: run this inside a project created by create-backend.`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new CliError(`${MANIFEST_FILE} is not valid JSON: restore it from version control.`);
  }
  // Before the schema: a newer CLI may record choices this one does not know.
  const version = (data as { version?: unknown } | null)?.version;
  if (typeof version === 'string' && compareVersions(version, CLI_VERSION) > 0) {
    throw new CliError(
      `This project was made by ${PACKAGE_NAME} ${version}, newer than this one (${CLI_VERSION}): run "npx ${PACKAGE_NAME}@${version}" instead, or upgrade.`,
    );
  }
  const parsed = manifestSchema.safeParse(data);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'its content';
    throw new CliError(
      `${MANIFEST_FILE} is not a create-backend manifest (${where}): restore it from version control.`,
    );
  }
  const manifest = parsed.data;
  // Both reach the disk and a process: the version names the package `update` fetches and runs
  // (a path or another package there would run code the project brought), the name the
  // directory that package generates into.
  if (!isReleaseVersion(manifest.version)) {
    throw new CliError(
      `${MANIFEST_FILE} records version "${manifest.version}", which is not a ${PACKAGE_NAME} version: restore it from version control.`,
    );
  }
  const nameProblem = packageNameProblem(manifest.name);
  if (nameProblem) {
    throw new CliError(
      `${MANIFEST_FILE} records name "${manifest.name}", which is not a valid npm package name (${nameProblem}): restore it from version control.`,
    );
  }
  const rule = brokenRule(manifest.options);
  if (rule) {
    const recorded = rule.reads.map((key) => `${key} ${manifest.options[key]}`).join(' with ');
    throw new CliError(
      `${MANIFEST_FILE} records ${recorded}, which cannot work together: restore it from version control.`,
    );
  }
  for (const record of manifest.resources ?? []) {
    try {
      defineResource(recordedResource(record));
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      const why = error.message.replace(/\.$/, '');
      throw new CliError(
        `${MANIFEST_FILE} records resource "${record.name}" with fields "${record.fields}", which this version cannot generate (${why}); if it was edited by hand, restore it from version control.`,
      );
    }
  }
  return manifest;
}

/**
 * Check that the project on disk is one `add` can work on: its package.json is there (the new
 * dependencies would otherwise be recorded nowhere).
 */
export async function assertProjectShape(dir: string): Promise<void> {
  const text = await readFile(path.join(dir, 'package.json'), 'utf8').catch(() => undefined);
  if (text === undefined) {
    throw new CliError(
      'package.json is missing, so new dependencies would be recorded nowhere: restore it (e.g. git checkout -- package.json) and run again.',
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CliError(
      `package.json is not valid JSON (${(error as Error).message}): fix it, or restore it (e.g. git checkout -- package.json), and run again.`,
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new CliError(
      'package.json does not hold an object, so new dependencies cannot be recorded in it: restore it (e.g. git checkout -- package.json) and run again.',
    );
  }
}

/** Compare two versions `major.minor.patch[-pre]`: negative, zero or positive. */
export function compareVersions(a: string, b: string): number {
  const parse = (version: string) => {
    const [core = '', pre] = version.split('-', 2);
    return { parts: core.split('.').map((part) => Number.parseInt(part, 10) || 0), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const diff = (x.parts[i] ?? 0) - (y.parts[i] ?? 0);
    if (diff !== 0) return diff;
  }
  // A pre-release comes before its release.
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}
