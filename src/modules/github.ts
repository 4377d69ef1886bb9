import type { ModuleDefinition } from './types.js';

/** A GitHub Actions workflow: lint, typecheck, test against the database, build. */
export const github: ModuleDefinition = {
  id: 'github',
  description: 'GitHub Actions: lint, typecheck, test against the database, build, image build',
  choice: {
    key: 'ci',
    value: 'github',
    label: 'GitHub Actions',
    hint: 'lint, typecheck, test against the database, build',
  },
};
