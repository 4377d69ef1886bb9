/** The indentation a JSON document uses (tab or a run of spaces), so edits keep the user's style. */
export function detectIndent(content: string): string {
  const match = /^[ \t]+(?=")/m.exec(content);
  return match ? match[0] : '  ';
}

/**
 * Parse a JSON document, change it, and print it back with the same indentation and trailing
 * newline. The change returns `undefined` to mean "nothing to do", which keeps the content
 * byte for byte, so edits built on this stay idempotent.
 */
export function editJson<T>(content: string, change: (doc: T) => T | undefined): string {
  const next = change(JSON.parse(content) as T);
  if (next === undefined) return content;
  const newline = content.endsWith('\n') ? '\n' : '';
  return JSON.stringify(next, null, detectIndent(content)) + newline;
}
