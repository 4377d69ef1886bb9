const url = process.env.DATABASE_URL ?? "";
const server = /^postgres(ql)?:\/\//.test(url);

/**
 * The database of the server the tracing test starts: the PostgreSQL server DATABASE_URL names
 * (as in CI), whose queries node-postgres sends and OpenTelemetry traces; otherwise an embedded
 * PGlite, which has no instrumentation. Nothing is migrated: `/ready` only checks it answers.
 */
export const tracedDatabase = {
  env: { DATABASE_URL: server ? url : "memory:" },
  tracesQueries: server,
};
