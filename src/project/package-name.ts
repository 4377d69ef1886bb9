const MAX_LENGTH = 214;

/** Why `name` cannot be an unscoped npm package name, or undefined when it can. */
export function packageNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'it is empty';
  if (name.length > MAX_LENGTH) return `it is longer than ${MAX_LENGTH} characters`;
  if (/^[._]/.test(name)) return 'it starts with "." or "_"';
  if (name !== name.toLowerCase()) return 'it has uppercase letters';
  if (!/^[a-z0-9][a-z0-9._~-]*$/.test(name)) return 'it has characters npm does not allow';
  if (name === 'node_modules' || name === 'favicon.ico') return 'npm reserves it';
  return undefined;
}

/**
 * The closest valid package name: lowercase, runs of other characters turned into one dash,
 * no leading or trailing punctuation (`My App!` → `my-app`).
 */
export function suggestPackageName(name: string): string {
  const fixed = name
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[._~-]+|[._~-]+$/g, '')
    .slice(0, MAX_LENGTH);
  return packageNameProblem(fixed) ? 'my-backend' : fixed;
}
