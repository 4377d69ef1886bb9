/**
 * Append `NAME=value` lines for variables the file does not set yet, as a block of their own:
 * after a blank line, under a `# heading` comment saying whose they are, so they do not read
 * as part of the user's last block. Existing lines, comments and values are left exactly as
 * they are; the file's line endings are kept. Idempotent.
 */
export function appendEnvVars(
  content: string,
  vars: readonly (readonly [string, string])[],
  heading: string,
): string {
  const defined = new Set(
    content
      .split('\n')
      .map((line) => /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line)?.[1])
      .filter((name) => name !== undefined),
  );
  const missing = vars.filter(([name]) => !defined.has(name));
  if (missing.length === 0) return content;
  const eol = content.includes('\r\n') ? '\r\n' : '\n';
  const block = [`# ${heading}`, ...missing.map(([name, value]) => `${name}=${value}`)];
  // Between the file's last line and the block: that line's end if it has none, and a blank
  // line unless the file is empty or ends in one already.
  const ended = content === '' || content.endsWith('\n');
  const last = content.split(/\r?\n/).at(ended ? -2 : -1);
  const blank = content === '' || last?.trim() === '' ? '' : eol;
  return `${content}${ended ? '' : eol}${blank}${block.join(eol)}${eol}`;
}

/** The `NAME=value` lines of a generated env file, in order. */
export function envAssignments(content: string): [string, string][] {
  return content
    .split('\n')
    .map((line) => /^([A-Z0-9_]+)=(.*)$/.exec(line))
    .filter((match) => match !== null)
    .map((match) => [match[1] ?? '', match[2] ?? '']);
}
