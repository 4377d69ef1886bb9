// Generated projects are checked with Biome, which wants imports sorted and long lines broken.
// Templates that import something named after a resource wrap those imports in
// `{{#imports}}…{{/imports}}`, and this puts them in the order and shape Biome would.

const LINE_WIDTH = 100;
const NAMED = /^import (type )?\{([^}]*)\} from "([^"]+)";$/;
const SOURCE = /from "([^"]+)";$/;

/** Sort import statements (one per line) and their names, breaking lines that are too long. */
export function formatImports(block: string): string {
  const lines = block.split('\n').filter((line) => line.trim() !== '');
  const statements = lines.map((line) => {
    const source = SOURCE.exec(line)?.[1];
    if (!line.startsWith('import ') || source === undefined) {
      throw new Error(`{{#imports}} takes one import statement per line, not: ${line}`);
    }
    return { line, source };
  });
  if (statements.length === 0) return '';
  statements.sort((a, b) => compareSources(a.source, b.source));
  return `${statements.map(({ line }) => formatStatement(line)).join('\n')}\n`;
}

function formatStatement(line: string): string {
  const match = NAMED.exec(line);
  if (!match) return line;
  const [, type = '', list = '', source] = match;
  const names = list
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
    .sort((a, b) => compareNames(a.replace(/^type /, ''), b.replace(/^type /, '')));
  const oneLine = `import ${type}{ ${names.join(', ')} } from "${source}";`;
  // Like Prettier, Biome never breaks an import of a single name.
  if (oneLine.length <= LINE_WIDTH || names.length === 1) return oneLine;
  return [`import ${type}{`, ...names.map((name) => `  ${name},`), `} from "${source}";`].join(
    '\n',
  );
}

/** Biome's order: Node's modules, packages, then paths from the farthest (`../../`) to the nearest (`./`). */
function compareSources(a: string, b: string): number {
  const rank = (source: string) =>
    source.startsWith('node:')
      ? -1
      : source.startsWith('.')
        ? 1000 - (source.match(/\.\.\//g)?.length ?? 0)
        : 0;
  return rank(a) - rank(b) || compareNames(a, b);
}

/**
 * Biome's natural order for names: at the first character that differs, the same letter in
 * both cases puts the capital first (`AuthEnv` before `authenticate`); otherwise letters
 * compare without case (`authenticate` before `authUser`).
 */
function compareNames(a: string, b: string): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a.charAt(i);
    const y = b.charAt(i);
    if (x === y) continue;
    const lx = x.toLowerCase();
    const ly = y.toLowerCase();
    if (lx === ly) return x < y ? -1 : 1;
    return lx < ly ? -1 : 1;
  }
  return a.length - b.length;
}
