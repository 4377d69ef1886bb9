/** True for MySQL's duplicate-key error (ER_DUP_ENTRY), from mysql2, wrapped by Drizzle or not. */
export function isUniqueViolation(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if ("errno" in current && current.errno === 1062) return true;
  }
  return false;
}
