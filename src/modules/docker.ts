import type { ModuleDefinition } from './types.js';

/** Dockerfile, .dockerignore and docker-compose.yml. */
export const docker: ModuleDefinition = {
  id: 'docker',
  description: 'multi-stage non-root Dockerfile with a health check, docker-compose.yml',
  choice: {
    key: 'deploy',
    value: 'docker',
    label: 'Docker',
    hint: 'multi-stage Dockerfile and docker-compose.yml',
  },
  // The Dockerfile and .dockerignore, shared with every deploy target that runs the image.
  templateFamilies: ['container'],
};
