import type { ModuleDefinition } from './types.js';

/** Fastify 5: the HTTP layer under `templates/frameworks/fastify/`. */
export const fastify: ModuleDefinition = {
  id: 'fastify',
  description: 'Fastify 5 with a zod type provider, helmet, CORS, rate limiting and Swagger UI',
  choice: {
    key: 'framework',
    value: 'fastify',
    label: 'Fastify 5',
    hint: 'plugins, schema-driven validation, fast',
  },
  templateFamilies: ['hand-wired'],
  dependencies: [
    'fastify',
    'fastify-plugin',
    'fastify-type-provider-zod',
    '@fastify/helmet',
    '@fastify/cors',
    '@fastify/rate-limit',
    '@fastify/swagger',
    '@fastify/swagger-ui',
  ],
};
