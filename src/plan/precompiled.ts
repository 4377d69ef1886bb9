import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/**
 * The options every template is compiled with. scripts/build.js precompiles `templates/**.hbs`
 * with the same options into dist/precompiled-templates.json; a build whose options differ is
 * not used.
 */
export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

/** The key of a template among the precompiled ones: a hash of its text. */
export function templateKey(content: string): string {
  return createHash('sha256').update(content).digest('base64url');
}

let loaded: Promise<ReadonlyMap<string, string>> | undefined;

/**
 * The templates the build precompiled, by key, as Handlebars' `precompile` writes them (the
 * source of an object of functions); empty when running from source. A template edited since
 * the build has another key, and is compiled when it is rendered.
 */
export function precompiledTemplates(): Promise<ReadonlyMap<string, string>> {
  loaded ??= load();
  return loaded;
}

async function load(): Promise<ReadonlyMap<string, string>> {
  // Next to the bundle in dist/; src/ has no such file.
  let text: string;
  try {
    text = await readFile(new URL('./precompiled-templates.json', import.meta.url), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  const { options, templates } = JSON.parse(text);
  if (JSON.stringify(options) !== JSON.stringify(COMPILE_OPTIONS)) return new Map();
  return new Map(Object.entries(templates as Record<string, string>));
}
