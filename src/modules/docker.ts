import type { ModuleDefinition } from './types.js';

/** Dockerfile, .dockerignore and docker-compose.yml. */
export const docker: ModuleDefinition = {
  id: 'docker',
  description: 'multi-stage non-root Dockerfile with a health check, docker-compose.yml',
  appliesTo: (choices) => choices.deploy === 'docker',
  env: [
    {
      name: 'POSTGRES_PASSWORD',
      description: 'Password of the PostgreSQL server docker compose starts',
      example: 'change-me',
      secretBytes: 24,
      when: (choices) => choices.database === 'postgres',
    },
  ],
};
