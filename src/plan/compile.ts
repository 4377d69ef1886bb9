import Handlebars from 'handlebars';
import { COMPILE_OPTIONS } from './precompiled.js';

/**
 * Handlebars' precompiled form of a template (the source of an object of functions), as the
 * build writes it (less its size trimming, see scripts/precompile.js). Only runs from source
 * need this: the build bundles every template precompiled.
 */
export function precompileTemplate(content: string): string {
  // Handlebars adds its defaults to the options object it is given.
  return Handlebars.precompile(content, { ...COMPILE_OPTIONS }) as unknown as string;
}
