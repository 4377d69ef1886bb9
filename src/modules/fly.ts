import type { ModuleDefinition } from './types.js';

/** A Fly.io app built from the project's Dockerfile. */
export const fly: ModuleDefinition = {
  id: 'fly',
  description: 'Dockerfile and fly.toml: health checks, migrations as the release command',
  choice: {
    key: 'deploy',
    value: 'fly',
    label: 'Fly.io',
    hint: 'Dockerfile and fly.toml; migrations run as the release command',
  },
  templateFamilies: ['container'],
};
