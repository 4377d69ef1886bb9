import path from 'node:path';
import { CliError } from '../errors.js';

/**
 * Check that a path a template, module or resource name produced stays inside the project:
 * relative, normalised, no `..` segment, no control character. Returns it in POSIX form.
 */
export function assertProjectPath(relativePath: string): string {
  const posix = relativePath.replaceAll('\\', '/');
  const normal = path.posix.normalize(posix);
  const escapes =
    posix.length === 0 ||
    path.posix.isAbsolute(posix) ||
    path.win32.isAbsolute(relativePath) ||
    normal !== posix ||
    normal.split('/').includes('..') ||
    hasControlCharacter(posix);
  if (escapes) {
    throw new CliError(`Refusing to write "${relativePath}": it is not a path inside the project.`);
  }
  return normal;
}

/** Resolve a project-relative path against the root, refusing anything that lands outside it. */
export function resolveInside(root: string, relativePath: string): string {
  const base = path.resolve(root);
  const target = path.resolve(base, assertProjectPath(relativePath));
  // Below the root itself: the root with a separator starts the path (`/` ends in one already).
  const inside = base.endsWith(path.sep) ? base : base + path.sep;
  if (target.length <= inside.length || !target.startsWith(inside)) {
    throw new CliError(`Refusing to write "${relativePath}": it is not a path inside the project.`);
  }
  return target;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** Whether a string holds a C0 control character or DEL (no file name should). */
export function hasControlCharacter(value: string): boolean {
  return CONTROL_CHARACTER.test(value);
}
