/**
 * A path as a shell word, for the commands messages suggest: as it is when it is made of
 * characters no shell treats specially, otherwise in single quotes (which keep `$`, backticks
 * and spaces literal), a quote inside written as `'\''`.
 */
export function quotePath(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}
