import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The options every template is compiled with. scripts/build.js precompiles `templates/**.hbs`
 * with the same options into dist/templates/; a build whose options differ is not used.
 */
export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

/** The key of a template among the precompiled ones: a hash of its text. */
export function templateKey(content: string): string {
  return createHash('sha256').update(content).digest('base64url');
}

/**
 * The module folder a layer (or a template's path under `templates/`) belongs to:
 * `templates/<module>/` or `templates/frameworks/<framework>/<module>/`, its database
 * sublayers included. The build writes the precompiled templates one file per module folder,
 * `dist/templates/<group>.json`, so a run parses only those of the modules it renders.
 * scripts/build.js groups them by this same rule.
 */
export function templateGroup(layer: string): string {
  const parts = layer.split('/');
  return parts.slice(0, parts[0] === 'frameworks' ? 3 : 1).join('/');
}

const loaded = new Map<string, ReadonlyMap<string, string>>();

/**
 * The templates of a module folder the build precompiled, by key, as Handlebars' `precompile`
 * writes them (the source of an object of functions); empty when running from source. A
 * template edited since the build has another key, and is compiled when it is rendered.
 */
export function precompiledTemplates(group: string): ReadonlyMap<string, string> {
  let templates = loaded.get(group);
  if (!templates) {
    templates = load(group);
    loaded.set(group, templates);
  }
  return templates;
}

function load(group: string): ReadonlyMap<string, string> {
  // Next to the bundle in dist/; src/ has no such directory, and a folder without templates
  // has no file.
  let text: string;
  try {
    text = readFileSync(new URL(`./templates/${group}.json`, import.meta.url), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  const { options, templates } = JSON.parse(text);
  if (JSON.stringify(options) !== JSON.stringify(COMPILE_OPTIONS)) return new Map();
  return new Map(Object.entries(templates as Record<string, string>));
}
