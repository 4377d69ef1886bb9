import type { ModuleDefinition } from './types.js';

/** Express 5: the HTTP layer under `templates/frameworks/express/`. */
export const express: ModuleDefinition = {
  id: 'express',
  description: 'Express 5 with helmet, cors, pino-http, express-rate-limit and Swagger UI',
  choice: {
    key: 'framework',
    value: 'express',
    label: 'Express 5',
    hint: 'the most widely used Node.js framework',
  },
  // Services built by hand; Express's request pipeline (body parsing, supertest in tests),
  // shared with NestJS on @nestjs/platform-express.
  templateFamilies: ['hand-wired', 'platform-express', 'node-server'],
  dependencies: [
    '@asteasolutions/zod-to-openapi',
    'express',
    'helmet',
    'cors',
    'pino-http',
    'express-rate-limit',
    'swagger-ui-express',
  ],
  devDependencies: [
    '@types/express',
    '@types/express-serve-static-core',
    '@types/cors',
    '@types/swagger-ui-express',
    'supertest',
    '@types/supertest',
  ],
};
