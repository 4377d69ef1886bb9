import { CliError } from '../errors.js';
import type { MigrationStep } from '../migrations/schema.js';
import { dialectFor, modulesFor } from '../modules/registry.js';
import type { Resource } from '../resources/resource.js';
import type { ProjectSpec } from './plan.js';
import { projectResources } from './plan.js';

/**
 * The migrations that take a project from `before` (none: a new project) to `after`: each
 * module's tables when it is new, or when the database is (then every module's), in layering
 * order so accounts come before the resources that reference them; and a table for each new
 * resource. Nothing here knows a module by name.
 */
export function migrationSteps(
  before: ProjectSpec | undefined,
  after: ProjectSpec,
): MigrationStep[] {
  if (!dialectFor(after.choices)) return [];
  const databaseIsNew = before === undefined || !dialectFor(before.choices);
  const had = new Set(databaseIsNew ? [] : modulesFor(before.choices).map((module) => module.id));
  const existing: Resource[] = databaseIsNew || !before ? [] : projectResources(before);
  const existingNames = new Set(existing.map((resource) => resource.names.table));

  const steps: MigrationStep[] = [];
  for (const module of modulesFor(after.choices)) {
    if (module.migration && !had.has(module.id)) {
      const step = module.migration({ choices: after.choices, resources: existing });
      refuseTakenTables(step, module.id, existing);
      steps.push(step);
    }
    if (!module.resourceMigration) continue;
    for (const resource of projectResources(after)) {
      if (existingNames.has(resource.names.table)) continue;
      steps.push({
        name: resource.names.table,
        changes: module.resourceMigration(resource, after.choices),
      });
    }
  }
  return steps;
}

/**
 * A module added to a project cannot name its tables differently, so a resource that already
 * has one of them is what must change (better-auth's `sessions` and a `session` resource).
 */
function refuseTakenTables(step: MigrationStep, moduleId: string, existing: Resource[]): void {
  for (const change of step.changes) {
    if (change.kind !== 'createTable') continue;
    const owner = existing.find((resource) => resource.names.table === change.table.name);
    if (owner) {
      throw new CliError(
        `The ${owner.names.kebab} resource's table "${change.table.name}" is one ${moduleId} needs: rename or remove that resource (src/modules/${owner.names.kebabPlural} and its entry in create-backend.json) first.`,
      );
    }
  }
}
