import type { ModuleDefinition } from './types.js';

/** NestJS: the HTTP layer under `templates/frameworks/nest/`. */
export const nest: ModuleDefinition = {
  id: 'nest',
  description: 'NestJS on Express with modules, guards, a zod validation pipe and Swagger UI',
  appliesTo: (choices) => choices.framework === 'nest',
  templateFamilies: ['express-platform'],
  dependencies: [
    '@nestjs/core',
    '@nestjs/common',
    '@nestjs/platform-express',
    'reflect-metadata',
    'rxjs',
    '@asteasolutions/zod-to-openapi',
    'express',
    'helmet',
    'cors',
    'express-rate-limit',
    'swagger-ui-express',
  ],
  devDependencies: [
    '@nestjs/testing',
    '@types/express',
    '@types/cors',
    '@types/swagger-ui-express',
    'supertest',
    '@types/supertest',
  ],
};
