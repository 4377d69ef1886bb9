// How the build turns a template into the source of its precompiled form (what
// `Handlebars.precompile` returns, an object literal of functions), made cheaper for a run to
// load: a scaffold parses about 200 kB of these, which was a large part of its CPU time.

import { transform } from 'esbuild';
import Handlebars from 'handlebars';

/**
 * The precompiled source of `template`, as `Handlebars.precompile(template, options)` gives it,
 * with three changes that keep its behaviour:
 * - each of its top-level functions is wrapped in parentheses, which V8 takes as a hint to
 *   compile it at once: a run calls nearly all of them, and would otherwise scan each twice;
 * - minified;
 * - without the source positions of helper calls (`loc`, only read to report a helper that is
 *   missing, which `knownHelpersOnly` rules out at compile time) and the fallback
 *   Handlebars writes in every function for runtimes older than 4.6 (`lookupProperty`).
 */
export async function precompileForBundle(template, options) {
  const source = parenthesiseFunctions(Handlebars.precompile(template, { ...options }));
  // Minified as the right-hand side of an assignment, which esbuild keeps.
  const { code } = await transform(`spec=${source}`, { minify: true });
  return code
    .replace(/^spec=/, '')
    .replace(/;\s*$/, '')
    .replace(/,loc:\{start:\{line:\d+,column:\d+\},end:\{line:\d+,column:\d+\}\}/g, '')
    .replace(
      /([\w$]+)\.lookupProperty\|\|function\(([\w$]+),([\w$]+)\)\{if\(Object\.prototype\.hasOwnProperty\.call\(\2,\3\)\)return \2\[\3\]\}/g,
      '$1.lookupProperty',
    );
}

/**
 * `{"0":function(…){…},"main":function(…){…},…}` → `{"0":(function(…){…}),…}`. Handlebars
 * writes its strings with double quotes (JSON's escapes), so tracking braces outside strings
 * finds where each function ends.
 */
export function parenthesiseFunctions(spec) {
  let out = '';
  let depth = 0;
  let open = false;
  for (let i = 0; i < spec.length; i++) {
    const char = spec[i];
    if (char === '"') {
      const end = stringEnd(spec, i);
      out += spec.slice(i, end);
      i = end - 1;
      continue;
    }
    if (depth === 1 && !open && spec.startsWith(':function(', i)) {
      out += ':(function(';
      i += ':function('.length - 1;
      open = true;
      continue;
    }
    out += char;
    if (char === '{') depth++;
    if (char === '}') {
      depth--;
      if (open && depth === 1) {
        out += ')';
        open = false;
      }
    }
  }
  if (depth !== 0 || open) throw new Error('unexpected shape of a precompiled template');
  return out;
}

/** The index just past the string literal that starts at `start`. */
function stringEnd(text, start) {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  throw new Error('unterminated string in a precompiled template');
}
