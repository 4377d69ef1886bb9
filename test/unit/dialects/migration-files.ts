import type { Dialect } from '../../../src/migrations/dialect.js';
import {
  type MigrationHistory,
  planMigrations,
  readMigrationHistory,
} from '../../../src/migrations/migrations.js';
import { type Choices, DEFAULT_CHOICES } from '../../../src/options/schema.js';
import { migrationSteps } from '../../../src/plan/migration-steps.js';
import { defineResource, type Resource } from '../../../src/resources/resource.js';

/** The default choices on `database`, with jwt accounts or none. */
export const choicesOn = (database: Choices['database'], auth: boolean): Choices => ({
  ...DEFAULT_CHOICES,
  database,
  auth: auth ? 'jwt' : 'none',
});

export const fileMap = (files: { path: string; content: string }[]) =>
  new Map(files.map((file) => [file.path, file.content]));

/** A new project's migrations on `database`, with or without accounts, by path. */
export function initialFiles(
  dialect: Dialect,
  database: Choices['database'],
  auth: boolean,
  resources: readonly Resource[],
): Map<string, string> {
  const steps = migrationSteps(undefined, {
    name: 'app',
    pm: 'npm',
    cliVersion: '0.0.0',
    choices: choicesOn(database, auth),
    resources: resources.map((resource) => resource.record),
  });
  return fileMap(planMigrations(dialect, undefined, steps));
}

export const history = (files: Map<string, string>): Promise<MigrationHistory | undefined> =>
  readMigrationHistory(async (path) => files.get(path));

export const statements = (sql: string | undefined) =>
  (sql ?? '').split('--> statement-breakpoint\n');

export const snapshotOf = <S>(files: Map<string, string>, path: string) =>
  JSON.parse(files.get(path) ?? '') as S;

/** A resource with a field of every type. */
export const invoice = defineResource({
  name: 'invoice',
  fields:
    'title:string,amount:number,count:integer,paid:boolean,dueAt:date,status:enum(draft|sent|paid),note:text?',
});
