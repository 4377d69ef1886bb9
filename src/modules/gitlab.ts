import type { ModuleDefinition } from './types.js';

/** A GitLab CI pipeline: the same checks as the GitHub workflow. */
export const gitlab: ModuleDefinition = {
  id: 'gitlab',
  description: 'GitLab CI: lint, typecheck, test against the database, build, image build',
  choice: {
    key: 'ci',
    value: 'gitlab',
    label: 'GitLab CI',
    hint: 'lint, typecheck, test against the database, build',
  },
};
