/** True for SQLite's unique constraint failure, from libSQL, wrapped by Drizzle or not. */
export function isUniqueViolation(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if ("extendedCode" in current && current.extendedCode === "SQLITE_CONSTRAINT_UNIQUE") {
      return true;
    }
  }
  return false;
}
