import type { ModuleDefinition } from './types.js';

/** A GitHub Actions workflow: lint, typecheck, test against PostgreSQL, build. */
export const github: ModuleDefinition = {
  id: 'github',
  description: 'GitHub Actions: lint, typecheck, test against PostgreSQL, build, image build',
  appliesTo: (choices) => choices.ci === 'github',
};
