/**
 * The database of the server the tracing test starts: SQLite in memory. libSQL has no
 * OpenTelemetry instrumentation, so its queries have no spans.
 */
export const tracedDatabase = {
  env: { DATABASE_URL: ":memory:" },
  tracesQueries: false,
};
