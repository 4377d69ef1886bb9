import type { ModuleDefinition } from './types.js';

/** NestJS: the HTTP layer under `templates/frameworks/nest/`. */
export const nest: ModuleDefinition = {
  id: 'nest',
  description: 'NestJS with modules, guards, a zod validation pipe and Swagger UI',
  appliesTo: (choices) => choices.framework === 'nest',
  dependencies: [
    '@nestjs/core',
    '@nestjs/common',
    '@nestjs/platform-express',
    'reflect-metadata',
    'rxjs',
  ],
  devDependencies: ['@nestjs/testing'],
};
