import { DataDirInUseError } from "./data-dir-lock.js";

/** An error and its causes: Drizzle wraps the driver's error in one of its own. */
function chain(error: unknown): Error[] {
  const errors: Error[] = [];
  for (let current = error; current instanceof Error; current = current.cause) errors.push(current);
  return errors;
}

const codeOf = (error: Error) => String((error as { code?: unknown }).code ?? "");

/** True for PostgreSQL's unique_violation, from node-postgres or PGlite, wrapped by Drizzle or not. */
export function isUniqueViolation(error: unknown): boolean {
  return chain(error).some((current) => codeOf(current) === "23505");
}

/** Why a connection cannot be made, and what to do about it in development. */
export interface Unavailable {
  reason: string;
  fix: string;
}

const embedded = "or set DATABASE_URL=pglite:.data/dev in .env to use the embedded database";
const unreachable = {
  reason: "its server cannot be reached",
  fix: `Start PostgreSQL there, ${embedded}.`,
};
const unknownHost = { reason: "its host is not known", fix: `Correct the host, ${embedded}.` };
const refusedLogin = {
  reason: "the server refuses its user name or password",
  fix: `Correct them, ${embedded}.`,
};
const untrustedCertificate = {
  reason: "its server's TLS certificate cannot be verified",
  fix: "Name the CA that signed it with sslrootcert=<file> in DATABASE_URL, or use sslmode=no-verify to encrypt without verifying.",
};

/**
 * Node's socket and TLS errors and PostgreSQL's codes for a server that cannot be reached or will
 * not take the connection. Its other connection exceptions (class 08) count too.
 */
const unavailableCodes = new Map<string, Unavailable>([
  [
    "ECONNREFUSED",
    {
      reason: "nothing is listening at its host and port",
      fix: `Start PostgreSQL there, ${embedded}.`,
    },
  ],
  ["ECONNRESET", unreachable],
  ["ETIMEDOUT", unreachable],
  ["EHOSTUNREACH", unreachable],
  ["ENETUNREACH", unreachable],
  ["EPIPE", unreachable],
  ["ENOTFOUND", unknownHost],
  ["EAI_AGAIN", unknownHost],
  [
    "3D000",
    { reason: "the database it names does not exist", fix: `Create it (createdb), ${embedded}.` },
  ],
  ["28000", refusedLogin],
  ["28P01", refusedLogin],
  ["53300", { reason: "the server has no connection to spare", fix: "Try again shortly." }],
  ["57P01", { reason: "the server is shutting down", fix: "Start it again." }],
  ["57P02", { reason: "the server is shutting down", fix: "Start it again." }],
  ["57P03", { reason: "the server is starting up or shutting down", fix: "Try again shortly." }],
  ["SELF_SIGNED_CERT_IN_CHAIN", untrustedCertificate],
  ["DEPTH_ZERO_SELF_SIGNED_CERT", untrustedCertificate],
  ["UNABLE_TO_VERIFY_LEAF_SIGNATURE", untrustedCertificate],
  ["UNABLE_TO_GET_ISSUER_CERT_LOCALLY", untrustedCertificate],
  ["CERT_HAS_EXPIRED", { reason: "its server's TLS certificate has expired", fix: "Renew it." }],
  [
    "ERR_TLS_CERT_ALTNAME_INVALID",
    {
      reason: "its server's TLS certificate is for another host name",
      fix: "Connect by the name the certificate gives.",
    },
  ],
]);

/** node-postgres's errors for a connection that was lost or could not be made in time. */
const lostConnection = new Set([
  "Connection terminated unexpectedly",
  "Connection terminated due to connection timeout",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error and is not queryable",
]);

/** node-postgres's error when DATABASE_URL asks for TLS (sslmode, ssl) and the server has none. */
const noTlsMessage = "The server does not support SSL connections";
const noTls = {
  reason: "its server does not accept TLS, which the URL asks for",
  fix: "Remove sslmode (or ssl) from DATABASE_URL, or enable SSL on the server.",
};

function unavailable(error: Error): Unavailable | undefined {
  if (error instanceof DataDirInUseError) return error;
  const code = codeOf(error);
  const known = unavailableCodes.get(code);
  if (known) return known;
  if (error.message === noTlsMessage) return noTls;
  if (code.startsWith("08") || lostConnection.has(error.message)) return unreachable;
  return undefined;
}

/** True when the database cannot be reached or refuses the connection, so no query can run. */
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
