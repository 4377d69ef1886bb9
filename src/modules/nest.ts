import type { ModuleDefinition } from './types.js';

/** NestJS: the HTTP layer under `templates/frameworks/nest/`. */
export const nest: ModuleDefinition = {
  id: 'nest',
  description:
    'NestJS with feature modules and injectable providers, guards, helmet, CORS, @nestjs/throttler, nestjs-pino and Swagger UI',
  choice: {
    key: 'framework',
    value: 'nest',
    label: 'NestJS',
    hint: 'modules, controllers, dependency injection',
  },
  // On @nestjs/platform-express: Express's body parsing and errors, supertest in tests.
  templateFamilies: ['platform-express', 'node-server'],
  dependencies: [
    '@nestjs/core',
    '@nestjs/common',
    '@nestjs/platform-express',
    '@nestjs/swagger',
    '@nestjs/throttler',
    'nestjs-pino',
    'pino-http',
    'reflect-metadata',
    'rxjs',
    'express',
    'helmet',
  ],
  devDependencies: [
    '@nestjs/testing',
    '@swc/cli',
    '@swc/core',
    'unplugin-swc',
    'nodemon',
    '@types/express',
    '@types/express-serve-static-core',
    'supertest',
    '@types/supertest',
  ],
  // The Nest CLI needs TypeScript's compiler API, which TypeScript 7 does not ship: SWC
  // compiles (with the decorator metadata Nest's dependency injection reads), tsc type-checks,
  // first, so a type error fails the build as it does in the other frameworks.
  scripts: {
    dev: 'nodemon --watch src --ext ts --exec "swc src -d dist --strip-leading-paths --quiet && node dist/server.js" | pino-pretty',
    build:
      'tsc -p tsconfig.build.json --noEmit && swc src -d dist --strip-leading-paths --delete-dir-on-start',
  },
};
