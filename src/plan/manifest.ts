import { createHash } from 'node:crypto';
import { sortByText } from '../collate.js';
import type { Choices, PackageManager } from '../options/schema.js';
import type { ResourceRecord } from '../resources/resource.js';

/** The manifest file's name in a generated project. */
export const MANIFEST_FILE = 'create-backend.json';

/** What `create-backend.json` records, so `add` can tell generated files from edited ones. */
export interface Manifest {
  /** The npm package that generated the project (absent before 0.2). */
  generator?: string;
  version: string;
  /** The package name and package manager the project was generated with. */
  name: string;
  packageManager: PackageManager;
  options: Choices;
  /** The CRUD resources, as `add resource` would be given them (absent before 0.2: `todo`). */
  resources?: ResourceRecord[];
  modules: string[];
  files: Record<string, string>;
}

/** Content hash as recorded in the manifest. */
export function hashContent(content: string): string {
  return `sha256-${createHash('sha256').update(content).digest('base64')}`;
}

/** Build the manifest of a project's files (the caller leaves out files that are not generated). */
export function buildManifest(
  project: Pick<
    Manifest,
    'generator' | 'version' | 'name' | 'packageManager' | 'options' | 'resources'
  >,
  modules: readonly string[],
  files: readonly { path: string; content: string }[],
): Manifest {
  const hashes = sortByText(files, (file) => file.path).map(
    (file) => [file.path, hashContent(file.content)] as const,
  );
  return { ...project, modules: [...modules], files: Object.fromEntries(hashes) };
}
