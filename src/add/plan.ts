import type { MigrationHistory } from '../migrations/migrations.js';
import { planMigrations } from '../migrations/migrations.js';
import { dialectFor } from '../modules/registry.js';
import type { RandomBytes } from '../plan/env-files.js';
import { migrationSteps } from '../plan/migration-steps.js';
import { type Plan, type PlannedFile, planProject } from '../plan/plan.js';
import type { TemplateFile } from '../plan/template-source.js';
import type { Addition } from './resolve.js';

/** The project as generated before the addition and as it would be generated with it. */
export interface AdditionPlans {
  before: Plan;
  after: Plan;
  /** The migrations the addition appends to the project's own. */
  migrations: PlannedFile[];
}

/**
 * Plan both sides of an addition. Pure: the templates, the project's migration history, the
 * randomness for new secrets and the time for new migrations all come in as data.
 */
export function planAddition(
  addition: Addition,
  layers: ReadonlyMap<string, readonly TemplateFile[]>,
  history: MigrationHistory | undefined,
  random: RandomBytes,
  now: number,
): AdditionPlans {
  const before = planProject(addition.before, layers, random, []);
  const dialect = dialectFor(addition.after.choices);
  const migrations = dialect
    ? planMigrations(dialect, history, migrationSteps(addition.before, addition.after), now).map(
        (file) => ({ ...file, fromProject: true }),
      )
    : [];
  const after = planProject(addition.after, layers, random, migrations);
  return { before, after, migrations };
}
