import type { ModuleDefinition } from './types.js';

/** A Render Blueprint that builds the project's Dockerfile. */
export const render: ModuleDefinition = {
  id: 'render',
  description: 'Dockerfile and a render.yaml Blueprint: web service, database, generated secrets',
  choice: {
    key: 'deploy',
    value: 'render',
    label: 'Render',
    hint: 'Dockerfile and a render.yaml Blueprint with the database and generated secrets',
  },
  templateFamilies: ['container'],
};
