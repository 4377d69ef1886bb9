import type { ModuleDefinition } from './types.js';

/** What every project has: config, errors, logging, OpenAPI, tests and tooling. */
export const base: ModuleDefinition = {
  id: 'base',
  description: 'validated env, RFC 9457 errors, logging, OpenAPI, tests, lint, build',
  appliesTo: () => true,
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
      example: 'development',
    },
    {
      name: 'HOST',
      description: 'Interface to listen on (0.0.0.0 for all)',
      example: '0.0.0.0',
      value: '127.0.0.1',
    },
    { name: 'PORT', description: 'Port to listen on', example: '3000' },
    {
      name: 'LOG_LEVEL',
      description: 'fatal, error, warn, info, debug, trace or silent',
      example: 'info',
    },
    {
      name: 'TRUST_PROXY',
      description: 'Number of reverse proxies in front of the app (for client IPs)',
      example: '0',
    },
    {
      name: 'CORS_ORIGINS',
      description: 'Comma-separated origins allowed to call the API from a browser, or *',
      example: '',
    },
    {
      name: 'BODY_LIMIT',
      description: 'Largest accepted request body, in bytes',
      example: '102400',
    },
    {
      name: 'RATE_LIMIT_WINDOW_MS',
      description: 'Rate limit window, in milliseconds',
      example: '60000',
    },
    { name: 'RATE_LIMIT_MAX', description: 'Requests per client per window', example: '300' },
    {
      name: 'SHUTDOWN_TIMEOUT_MS',
      description: 'How long in-flight requests may take to finish on shutdown',
      example: '10000',
    },
  ],
};
