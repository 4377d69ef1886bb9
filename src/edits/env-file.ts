/**
 * Append `NAME=value` lines for variables the file does not set yet; existing lines, comments
 * and values are left exactly as they are. Idempotent.
 */
export function appendEnvVars(
  content: string,
  vars: readonly (readonly [string, string])[],
): string {
  const defined = new Set(
    content
      .split('\n')
      .map((line) => /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line)?.[1])
      .filter((name) => name !== undefined),
  );
  const missing = vars.filter(([name]) => !defined.has(name));
  if (missing.length === 0) return content;
  const lines = missing.map(([name, value]) => `${name}=${value}`).join('\n');
  const separator = content === '' || content.endsWith('\n') ? '' : '\n';
  return `${content}${separator}${lines}\n`;
}
