import { createTwoFilesPatch } from 'diff';

/** A unified diff of one file, as git would print it (a/ and b/ prefixes). */
export function unifiedDiff(path: string, before: string | undefined, after: string): string {
  return createTwoFilesPatch(
    before === undefined ? '/dev/null' : `a/${path}`,
    `b/${path}`,
    before ?? '',
    after,
    undefined,
    undefined,
    { context: 3 },
  ).replace(/^=+\n/, '');
}
