import type { Field } from '../resources/fields.js';
import type { Resource } from '../resources/resource.js';
import type { ColumnSpec, SchemaChange } from './schema.js';

/** What every drizzle-kit snapshot has: its id, its parent's, and its format version. */
export interface MigrationSnapshot {
  id: string;
  prevId: string;
  version: string;
}

/** The code of a resource field's column in its `<plural>.table.ts`. */
export interface ColumnCode {
  /** The drizzle column builder without modifiers, e.g. `text("title")`. */
  builder: string;
  /** What the table file imports for it from the dialect's drizzle core module. */
  imports: readonly string[];
  /** A declaration the table file needs before the table, e.g. a PostgreSQL enum type. */
  declaration?: string;
  /**
   * How requests must validate the field where the database stores less than the field type's
   * schema allows (dates: the years each database gives back as they were sent): zod code, and
   * what the schemas file imports for it (module path from `src/modules/<plural>/` → names).
   */
  input?: { code: string; imports: Readonly<Record<string, readonly string[]>> };
}

/**
 * How one database writes what the modules describe: the drizzle-kit snapshot and SQL of
 * their tables (so migrations the CLI writes are the ones `db:generate` would), and the
 * drizzle column code of a resource's fields. A database module brings one.
 */
export interface Dialect<S extends MigrationSnapshot = MigrationSnapshot> {
  /** drizzle-kit's name for it: the journal's and `drizzle.config.ts`'s `dialect`. */
  drizzle: 'postgresql' | 'sqlite' | 'mysql';
  emptySnapshot(): S;
  /** The schema after the changes; a CliError when a table or type to create exists. */
  apply(schema: S, changes: readonly SchemaChange[]): S;
  /** The SQL from one schema to the next, statements joined by `--> statement-breakpoint`. */
  sql(from: S, to: S): string;
  /** A resource field's column. */
  column(resource: Resource, field: Field, spec: ColumnSpec): ColumnCode;
  /** What every resource table file imports from the dialect's drizzle core module. */
  tableImports: readonly string[];
}
