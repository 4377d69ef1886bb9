import { createResourceTable } from '../resources/table.js';
import type { ModuleDefinition } from './types.js';

/**
 * CRUD resources: table, zod schemas, repository, service, routes, OpenAPI entries and tests,
 * rendered once per resource (`todo` to start with; `add resource` adds more).
 */
export const resource: ModuleDefinition = {
  id: 'resource',
  description: 'CRUD resources under /api/v1 with cursor pagination (todos to start with)',
  requires: ['database'],
  perResource: true,
  // Rows belong to a user when the project has accounts.
  resourceMigration: (resource, choices) => [
    createResourceTable(resource, choices.auth !== 'none'),
  ],
};
