import type { ModuleDefinition } from './types.js';

/** What every project has: config, errors, logging, OpenAPI, tests and tooling. */
export const base: ModuleDefinition = {
  id: 'base',
  description: 'validated env, RFC 9457 errors, logging, OpenAPI, tests, lint, build',
  appliesTo: () => true,
  dependencies: ['zod', '@asteasolutions/zod-to-openapi', 'pino'],
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
    { name: 'NODE_ENV', description: 'development, test or production', example: 'development' },
    { name: 'HOST', description: 'interface to listen on', example: '0.0.0.0' },
    { name: 'PORT', description: 'port to listen on', example: '3000' },
    { name: 'LOG_LEVEL', description: 'pino log level', example: 'info' },
  ],
};
