import { inject } from "vitest";

const server = new URL(inject("databaseUrl"));
server.pathname = "";

/**
 * The database of the server the tracing test starts: the MySQL server test/global-setup.ts
 * checked, without a database of its own (`/ready` only checks that the server answers), whose
 * queries mysql2 sends and OpenTelemetry traces.
 */
export const tracedDatabase = {
  env: { DATABASE_URL: server.toString() },
  tracesQueries: true,
};
