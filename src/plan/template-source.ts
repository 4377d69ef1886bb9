import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MODULES } from '../modules/registry.js';
import { TEMPLATES_DIR } from '../paths.js';
import { type BundledFile, bundledTemplates, templateGroup } from './precompiled.js';

/** A file under `templates/`, path relative to its layer, POSIX separators. */
export interface TemplateFile {
  path: string;
  content: string;
  /** For a `.hbs` file: Handlebars' precompiled form (see `compileTemplates`). */
  precompiled?: string;
}

/**
 * Read the layers (directories under the templates root) that exist, in the order given.
 * A missing layer is simply skipped: a module need not have templates for every framework.
 * A layer's top-level directories named in `sublayers` (one per database) are layers of their
 * own, read only when asked for. From the build, the templates are those it bundled (see
 * `bundledTemplates`); from source, `root` is read.
 */
export async function readLayers(
  layers: readonly string[],
  root = TEMPLATES_DIR,
  sublayers: ReadonlySet<string> = dialectDirectories(),
): Promise<Map<string, TemplateFile[]>> {
  const compiled = await Promise.all(
    layers.map((layer) => {
      const bundled = root === TEMPLATES_DIR ? bundledTemplates(templateGroup(layer)) : undefined;
      const files = bundled
        ? bundledLayer(bundled, layer, sublayers)
        : readLayer(path.join(root, layer), sublayers);
      return compileTemplates(files).catch((error: Error) => {
        throw new Error(`templates/${layer}/${error.message}`);
      });
    }),
  );
  return new Map(layers.map((layer, i) => [layer, compiled[i] ?? []]));
}

/**
 * Give each `.hbs` file its precompiled form: the build's, or compiled now (Handlebars'
 * compiler is loaded only then: when running from source).
 */
export async function compileTemplates(files: readonly TemplateFile[]): Promise<TemplateFile[]> {
  let compiler: typeof import('./compile.js') | undefined;
  const result: TemplateFile[] = [];
  for (const file of files) {
    if (!file.path.endsWith('.hbs') || file.precompiled !== undefined) {
      result.push(file);
      continue;
    }
    compiler ??= await import('./compile.js');
    try {
      result.push({ ...file, precompiled: compiler.precompileTemplate(file.content) });
    } catch (error) {
      throw new Error(`${file.path}: ${(error as Error).message}`);
    }
  }
  return result;
}

/** The files of `layer` among its module folder's bundled ones, as `readLayer` lists a layer. */
function bundledLayer(
  files: readonly BundledFile[],
  layer: string,
  sublayers: ReadonlySet<string>,
): TemplateFile[] {
  const prefix = `${layer}/`;
  const result: TemplateFile[] = [];
  for (const file of files) {
    if (!file.path.startsWith(prefix)) continue;
    const relative = file.path.slice(prefix.length);
    const slash = relative.indexOf('/');
    if (slash !== -1 && sublayers.has(relative.slice(0, slash))) continue;
    result.push({ ...file, path: relative });
  }
  return result;
}

// Synchronous: for a few hundred small files, a round trip through the thread pool per call
// costs several times the CPU of the reads themselves (measured on Node 20).
function readLayer(dir: string, sublayers: ReadonlySet<string>): TemplateFile[] {
  let entries: string[];
  try {
    entries = listFiles(dir, sublayers);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .sort()
    .map((entry) => ({ path: entry, content: readFileSync(path.join(dir, entry), 'utf8') }));
}

/**
 * The files under `dir`, as POSIX paths relative to it, leaving out its top-level directories
 * named in `skip` (the sublayers, read on their own when asked for).
 */
function listFiles(dir: string, skip: ReadonlySet<string>, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = `${prefix}${entry.name}`;
    if (entry.isDirectory()) {
      return skip.has(relative) ? [] : listFiles(path.join(dir, entry.name), skip, `${relative}/`);
    }
    return entry.isFile() ? [relative] : [];
  });
}

/** The directories of a layer that hold what differs by database: one per database module. */
export function dialectDirectories(): Set<string> {
  return new Set(MODULES.filter((module) => module.dialect).map((module) => module.id));
}
