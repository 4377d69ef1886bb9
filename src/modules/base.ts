import type { ModuleDefinition } from './types.js';

/** What every project has: config, errors, logging, OpenAPI, tests and tooling. */
export const base: ModuleDefinition = {
  id: 'base',
  description: 'validated env, RFC 9457 errors, logging, OpenAPI, tests, lint, build',
  dependencies: ['zod', 'pino'],
  devDependencies: ['typescript', '@types/node', 'tsx', 'vitest', '@biomejs/biome', 'pino-pretty'],
  scripts: {
    dev: 'tsx watch src/server.ts | pino-pretty',
    build: 'tsc -p tsconfig.build.json',
    start: 'node dist/server.js',
    test: 'vitest run',
    lint: 'biome check .',
    format: 'biome check --write .',
    typecheck: 'tsc --noEmit',
  },
  env: [
    {
      name: 'NODE_ENV',
      description: 'development, test or production',
      schema: 'z.enum(["development", "test", "production"]).default("development")',
      example: 'development',
    },
    {
      name: 'HOST',
      description: 'Interface to listen on (0.0.0.0 for all)',
      schema: 'z.string().default("0.0.0.0")',
      example: '0.0.0.0',
      value: '127.0.0.1',
    },
    {
      name: 'PORT',
      description: 'Port to listen on',
      schema: 'integer(0).max(65535).default(3000)',
      example: '3000',
    },
    {
      name: 'LOG_LEVEL',
      description: 'fatal, error, warn, info, debug, trace or silent',
      schema:
        'z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")',
      example: 'info',
    },
    {
      name: 'TRUST_PROXY',
      description: 'Number of reverse proxies in front of the app (for client IPs)',
      schema: 'integer(0).default(0)',
      example: '0',
    },
    {
      name: 'CORS_ORIGINS',
      description: 'Comma-separated origins allowed to call the API from a browser, or *',
      schema: 'list',
      example: '',
      // Cookie sessions need the origins named (better-auth brings its own).
      when: (choices) => choices.auth !== 'better-auth',
    },
    {
      name: 'BODY_LIMIT',
      description: 'Largest accepted request body, in bytes',
      schema: 'integer(1).default(102_400)',
      example: '102400',
    },
    {
      name: 'RATE_LIMIT_WINDOW_MS',
      description: 'Rate limit window, in milliseconds',
      schema: 'integer(1).default(60_000)',
      example: '60000',
    },
    {
      name: 'RATE_LIMIT_MAX',
      description: 'Requests per client per window',
      schema: 'integer(1).default(300)',
      example: '300',
    },
    {
      name: 'SHUTDOWN_TIMEOUT_MS',
      description: 'How long in-flight requests may take to finish on shutdown',
      schema: 'integer(0).default(10_000)',
      example: '10000',
    },
    {
      name: 'HEADERS_TIMEOUT_MS',
      description:
        'How long a client may take to send the request headers (at most REQUEST_TIMEOUT_MS)',
      schema: 'integer(1).default(10_000)',
      example: '10000',
    },
    {
      name: 'REQUEST_TIMEOUT_MS',
      description: 'How long a client may take to send a whole request, body included',
      schema: 'integer(1).default(30_000)',
      example: '30000',
    },
    {
      name: 'KEEP_ALIVE_TIMEOUT_MS',
      description:
        'How long an idle keep-alive connection stays open; keep it above the idle timeout of the load balancer in front',
      schema: 'integer(1).default(65_000)',
      example: '65000',
    },
  ],
};
