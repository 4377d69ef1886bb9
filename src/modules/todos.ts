import type { ModuleDefinition } from './types.js';

/** The example CRUD resource, built the way `add resource` builds one. */
export const todos: ModuleDefinition = {
  id: 'todos',
  description: 'example CRUD resource /api/v1/todos with cursor pagination',
  appliesTo: (choices) => choices.database !== 'none',
};
