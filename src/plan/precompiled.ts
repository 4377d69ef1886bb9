import { existsSync, readFileSync } from 'node:fs';

/**
 * The options every template is compiled with. scripts/build.js precompiles `templates/**.hbs`
 * with the same options into dist/templates/; a build whose options differ is compiled again.
 * Every helper is known (the ones `createRenderer` registers), so a template calling another
 * fails to compile rather than when it is rendered.
 */
export const COMPILE_OPTIONS = {
  noEscape: true,
  strict: true,
  knownHelpers: { eq: true, or: true, hasPartial: true, imports: true },
  knownHelpersOnly: true,
} as const;

/**
 * The module folder a layer (or a template's path under `templates/`) belongs to:
 * `templates/<module>/` or `templates/frameworks/<framework>/<module>/`, its database
 * sublayers included. The build writes the templates one file per module folder,
 * `dist/templates/<group>.json`, so a run parses only those of the modules it renders.
 * scripts/build.js groups them by this same rule.
 */
export function templateGroup(layer: string): string {
  const parts = layer.split('/');
  return parts.slice(0, parts[0] === 'frameworks' ? 3 : 1).join('/');
}

/** A file of `templates/` as the build bundled it. */
export interface BundledFile {
  /** Its path under `templates/`, POSIX separators. */
  path: string;
  content: string;
  /** For a `.hbs` file: Handlebars' precompiled form (see `compileTemplates`). */
  precompiled?: string;
}

// Next to the bundle in dist/. src/ has no such directory: from source, templates/ is read.
const BUNDLE = new URL('./templates/', import.meta.url);
let bundled: boolean | undefined;
const groups = new Map<string, readonly BundledFile[]>();

/**
 * The files of a module folder as the build bundled them, sorted by path: the package's
 * templates are in dist/, read one module folder at a time, with no directory to list and no
 * template to compile. Undefined when running from source (and in tests of other roots).
 */
export function bundledTemplates(group: string): readonly BundledFile[] | undefined {
  bundled ??= existsSync(BUNDLE);
  if (!bundled) return undefined;
  let files = groups.get(group);
  if (!files) {
    files = load(group);
    groups.set(group, files);
  }
  return files;
}

function load(group: string): readonly BundledFile[] {
  let text: string;
  try {
    text = readFileSync(new URL(`${group}.json`, BUNDLE), 'utf8');
  } catch (error) {
    // A module folder without templates has no file.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const { options, files } = JSON.parse(text) as { options: unknown; files: BundledFile[] };
  if (JSON.stringify(options) === JSON.stringify(COMPILE_OPTIONS)) return files;
  // Compiled with other options: the texts still serve, compiled when they are used.
  return files.map(({ path, content }) => ({ path, content }));
}
