/** An error and its causes: Drizzle wraps the driver's error, and fetch its socket's. */
function chain(error: unknown): Error[] {
  const errors: Error[] = [];
  for (let current = error; current instanceof Error; current = current.cause) errors.push(current);
  return errors;
}

const codeOf = (error: Error) => String((error as { code?: unknown }).code ?? "");

/** True for SQLite's unique constraint failure, from libSQL, wrapped by Drizzle or not. */
export function isUniqueViolation(error: unknown): boolean {
  return chain(error).some(
    (current) => "extendedCode" in current && current.extendedCode === "SQLITE_CONSTRAINT_UNIQUE",
  );
}

/** Why a connection cannot be made, and what to do about it in development. */
export interface Unavailable {
  reason: string;
  fix: string;
}

const local = "or set DATABASE_URL=file:.data/dev.db in .env to use a local file";
const unreachable = {
  reason: "its server cannot be reached",
  fix: `Start the libSQL server there, ${local}.`,
};
const unknownHost = { reason: "its host is not known", fix: `Correct the host, ${local}.` };

/**
 * Node's socket errors for a libSQL server that cannot be reached, libSQL's for one that refuses
 * the request (a wrong DATABASE_AUTH_TOKEN among others), and SQLite's for a file that cannot be
 * opened or stays locked by another connection past the busy timeout.
 */
const unavailableCodes = new Map<string, Unavailable>([
  ["ECONNREFUSED", { ...unreachable, reason: "nothing is listening at its host and port" }],
  ["ECONNRESET", unreachable],
  ["ETIMEDOUT", unreachable],
  ["EHOSTUNREACH", unreachable],
  ["ENETUNREACH", unreachable],
  ["UND_ERR_CONNECT_TIMEOUT", unreachable],
  ["UND_ERR_SOCKET", unreachable],
  ["ENOTFOUND", unknownHost],
  ["EAI_AGAIN", unknownHost],
  [
    "SERVER_ERROR",
    { reason: "its server refuses the requests", fix: "Check DATABASE_AUTH_TOKEN and the URL." },
  ],
  ["HRANA_WEBSOCKET_ERROR", unreachable],
  ["HRANA_CLOSED_ERROR", unreachable],
  [
    "SQLITE_CANTOPEN",
    {
      reason: "its file cannot be opened",
      fix: "Make sure the path names a file in a directory the server may write to.",
    },
  ],
  [
    "SQLITE_BUSY",
    {
      reason: "another connection keeps the file locked",
      fix: "Stop the other process that writes to it.",
    },
  ],
]);

function unavailable(error: Error): Unavailable | undefined {
  return unavailableCodes.get(codeOf(error));
}

/** True when the database cannot be reached or opened, or stays locked, so the query cannot run. */
export function isUnavailable(error: unknown): boolean {
  return chain(error).some((current) => unavailable(current) !== undefined);
}

/** For an error `isUnavailable` accepts: why, in words that name no part of DATABASE_URL. */
export function describeUnavailable(error: unknown): Unavailable {
  for (const current of chain(error)) {
    const found = unavailable(current);
    if (found) return found;
  }
  return unreachable;
}
