import type { ModuleDefinition } from './types.js';

/** Hono 4 on Node: the HTTP layer under `templates/frameworks/hono/`. */
export const hono: ModuleDefinition = {
  id: 'hono',
  description: 'Hono 4 on @hono/node-server: @hono/zod-openapi routes, hono-pino, Swagger UI',
  choice: {
    key: 'framework',
    value: 'hono',
    label: 'Hono 4',
    hint: 'web-standard, small, on @hono/node-server',
  },
  templateFamilies: ['hand-wired', 'node-server'],
  dependencies: [
    'hono',
    '@hono/node-server',
    '@hono/zod-openapi',
    'hono-pino',
    'hono-rate-limiter',
    'swagger-ui-dist',
  ],
};
