import { CliError } from '../errors.js';

/** What each filesystem failure means for the user, and what to do about it. */
const CAUSES: Readonly<Record<string, string>> = {
  EACCES: 'permission denied; check the permissions of that directory or choose another one',
  EPERM: 'the operation is not permitted there; check its permissions or choose another directory',
  EROFS: 'the file system is read-only; choose a directory on a writable disk',
  ENOSPC: 'the disk is full; free some space and run again',
  EDQUOT: 'the disk quota is used up; free some space and run again',
  ENOTDIR: 'part of that path is a file, not a directory; choose another path',
  ENAMETOOLONG: 'the name is too long for the file system; choose a shorter one',
  EISDIR: 'a directory is in the way; move it or choose another path',
  EMFILE: 'too many files are open; close some programs and run again',
  EBUSY: 'the file is in use by another program; close it and run again',
};

/**
 * A filesystem error as one line naming the user's path (never an internal staging path)
 * and the fix; errors it does not know are returned as they are.
 *
 * `shown` maps the path in the error (which may be inside a staging directory) to the path
 * the user knows.
 */
export function describeFileSystemError(
  error: unknown,
  shown: (path: string) => string = (path) => path,
): unknown {
  if (!(error instanceof Error) || error instanceof CliError) return error;
  const { code, path, syscall } = error as NodeJS.ErrnoException;
  if (code === 'ENOENT' && syscall === 'uv_cwd') {
    return new CliError(
      'The current directory no longer exists: cd into an existing directory and run again.',
    );
  }
  const cause = code ? CAUSES[code] : undefined;
  if (!cause) return error;
  const where = path ? ` ${shown(path)}` : '';
  return new CliError(`Could not write${where}: ${cause}.`);
}
