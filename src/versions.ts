/**
 * Every dependency a generated project can get, pinned to versions tested together on Node 20
 * (the end-to-end suite installs exactly these). Modules name packages; only this map holds
 * versions, so an upgrade is one line here and one e2e run.
 */
export const VERSIONS = {
  // HTTP: Express
  express: '5.3.0',
  '@types/express': '5.0.6',
  helmet: '8.3.0',
  cors: '2.8.6',
  '@types/cors': '2.8.19',
  'express-rate-limit': '8.7.4',
  'pino-http': '11.0.0',
  'swagger-ui-express': '5.0.1',
  '@types/swagger-ui-express': '4.1.8',
  supertest: '7.3.2',
  '@types/supertest': '7.2.1',

  // Core
  zod: '4.6.7',
  '@asteasolutions/zod-to-openapi': '9.1.0',
  pino: '10.4.0',
  'pino-pretty': '13.2.0',

  // Database
  'drizzle-orm': '0.45.4',
  'drizzle-kit': '0.31.11',
  '@electric-sql/pglite': '0.5.16',
  pg: '8.23.1',
  '@types/pg': '8.23.1',

  // Auth
  '@node-rs/argon2': '2.2.1',
  jose: '6.2.17',

  // Tooling
  typescript: '7.0.2',
  '@types/node': '20.19.43',
  tsx: '4.23.15',
  vitest: '4.1.12',
  '@biomejs/biome': '2.5.15',
} as const;

export type DependencyName = keyof typeof VERSIONS;
