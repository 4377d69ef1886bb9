/**
 * Every dependency a generated project can get, pinned to versions tested together on Node 20,
 * 22 and 24 with npm, pnpm, Yarn and Bun (the end-to-end suite installs exactly these). Modules
 * name packages; only this map holds versions, so an upgrade is one line here and one e2e run.
 */
export const VERSIONS = {
  // HTTP: Express
  express: '5.3.0',
  '@types/express': '5.0.6',
  // The module that augmentations of Express's Request name (pnpm does not hoist it)
  '@types/express-serve-static-core': '5.1.3',
  helmet: '8.3.0',
  cors: '2.8.6',
  '@types/cors': '2.8.19',
  'express-rate-limit': '8.7.4',
  'swagger-ui-express': '5.0.1',
  'pino-http': '11.0.0',
  '@types/swagger-ui-express': '4.1.8',
  supertest: '7.3.2',
  '@types/supertest': '7.2.1',

  // HTTP: Fastify
  fastify: '5.12.8',
  '@fastify/cors': '11.4.3',
  '@fastify/helmet': '13.2.0',
  '@fastify/rate-limit': '11.2.0',
  '@fastify/swagger': '9.9.3',
  '@fastify/swagger-ui': '6.1.3',
  'fastify-type-provider-zod': '7.0.0',
  'fastify-plugin': '6.0.1',

  // HTTP: Hono
  hono: '4.13.19',
  '@hono/node-server': '2.1.8',
  '@hono/zod-openapi': '1.6.3',
  'hono-pino': '0.10.3',
  'hono-rate-limiter': '0.5.4',
  'swagger-ui-dist': '5.35.0',

  // HTTP: NestJS
  '@nestjs/core': '12.5.1',
  '@nestjs/common': '12.5.1',
  '@nestjs/platform-express': '12.5.1',
  '@nestjs/testing': '12.1.1',
  '@nestjs/swagger': '12.0.1',
  '@nestjs/throttler': '6.7.1',
  'nestjs-pino': '5.2.1',
  'reflect-metadata': '0.2.2',
  rxjs: '7.8.2',
  '@swc/cli': '0.8.1',
  '@swc/core': '1.16.22',
  'unplugin-swc': '2.0.0',
  nodemon: '3.1.14',

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
  mysql2: '3.24.6',
  '@libsql/client': '0.18.0',

  // Redis
  ioredis: '6.0.0',
  'rate-limit-redis': '6.0.1',

  // Auth
  '@node-rs/argon2': '2.2.1',
  jose: '6.2.17',
  'better-auth': '1.7.25',
  nodemailer: '10.6.1',
  '@types/nodemailer': '8.0.2',
  // Tests of the better-auth flows: a real OpenID Connect provider, an SMTP server, TOTP codes
  'oidc-provider': '9.13.3',
  '@types/oidc-provider': '9.12.1',
  'smtp-server': '3.21.6',
  '@types/smtp-server': '3.5.13',
  otpauth: '9.5.2',

  // Observability: the last OpenTelemetry releases for Node 20 (0.300 and later need Node 22)
  'prom-client': '15.1.3',
  '@opentelemetry/api': '1.9.1',
  '@opentelemetry/sdk-node': '0.223.0',
  '@opentelemetry/instrumentation': '0.223.0',
  '@opentelemetry/instrumentation-http': '0.223.0',
  '@opentelemetry/instrumentation-express': '0.71.1',
  '@opentelemetry/instrumentation-pg': '0.76.0',
  '@opentelemetry/instrumentation-mysql2': '0.69.0',
  '@opentelemetry/instrumentation-pino': '0.69.0',
  '@fastify/otel': '0.21.2',

  // Tooling
  typescript: '7.0.2',
  // The types of the oldest Node.js a project runs on: NODE_TYPES when its engines start later.
  '@types/node': '20.19.43',
  tsx: '4.23.15',
  vitest: '4.1.12',
  '@biomejs/biome': '2.5.15',
} as const;

export type DependencyName = keyof typeof VERSIONS;

/**
 * The Node.js versions a generated project runs on (package.json `engines.node`): vitest's
 * (`^20.0.0 || ^22.0.0 || >=24.0.0`) and vite's and rolldown's (`^20.19.0 || >=22.12.0`) in
 * common. pino-pretty, fastify and @fastify/swagger-ui `require()` dependencies that are ES
 * modules only, which Node does unflagged from 20.19 and 22.12.
 */
export const NODE_ENGINES = '^20.19.0 || ^22.12.0 || >=24.0.0';

/**
 * `@types/node` for a project whose engines start at a later major than VERSIONS' pin is for,
 * so that its type check knows the APIs of the oldest Node.js it runs on, and only those.
 */
export const NODE_TYPES: Readonly<Record<number, string>> = {
  20: VERSIONS['@types/node'],
  22: '22.20.7',
};

/**
 * Pinned packages that bring a Node.js range NODE_ENGINES does not fit in, declared by the
 * package itself or by a dependency it installs (`npm view <package>@<version> engines`): a
 * project that has one declares the versions both admit.
 */
export const NARROWER_NODE_ENGINES: Partial<Record<DependencyName, string>> = {
  'nestjs-pino': '>=22.12.0',
  // fastify's light-my-request takes cookie 2, which declares >=22.
  fastify: '>=22',
  // Its @fastify/static takes content-disposition 3, which declares >=22.
  '@fastify/swagger-ui': '>=22',
};
