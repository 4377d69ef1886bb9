import { CliError } from '../errors.js';
import type { ColumnSpec, SchemaChange, TableSpec } from './schema.js';

/** What every dialect's snapshot records of a table that the changes touch. */
interface IndexedTable<Index> {
  indexes: Record<string, Index>;
}

/** How a dialect records tables in its drizzle-kit snapshot, for `applySchemaChange`. */
export interface TableRecords<S, T, Index> {
  /** A table's key in the snapshot's `tables` (PostgreSQL's carry their schema). */
  key(table: string): string;
  /** What in `schema` a table made from `spec` would take the name of (`a table "todos"`). */
  taken(schema: S, spec: TableSpec): string | undefined;
  /** `schema` with a table made from `spec` (and whatever the table needs beside it). */
  create(schema: S, spec: TableSpec): S;
  /** `table` with `column` and what comes with it (its foreign key, its unique index). */
  addColumn(table: T, column: ColumnSpec): T;
  /** An index as the dialect records one. */
  index(name: string, columns: readonly string[]): Index;
}

/** `key`, `taken` and `create` of a dialect that keys its tables by name alone (SQLite, MySQL). */
export function tablesByName<S extends { tables: Record<string, T> }, T>(
  build: (spec: TableSpec) => T,
): Pick<TableRecords<S, T, unknown>, 'key' | 'taken' | 'create'> {
  return {
    key: (name) => name,
    taken: (schema, spec) => (schema.tables[spec.name] ? `a table "${spec.name}"` : undefined),
    create: (schema, spec) => ({
      ...schema,
      tables: { ...schema.tables, [spec.name]: build(spec) },
    }),
  };
}

/**
 * `schema` with `change` made, the same way in every dialect: a table is created unless its
 * name is taken (a CliError naming what wanted it), and a change to a table the schema does not
 * have leaves the schema as it is.
 */
export function applySchemaChange<
  S extends { tables: Record<string, T> },
  T extends IndexedTable<I>,
  I,
>(schema: S, change: SchemaChange, records: TableRecords<S, T, I>): S {
  if (change.kind === 'createTable') {
    const taken = records.taken(schema, change.table);
    if (taken) {
      throw new CliError(
        `The database schema already has ${taken}, so ${change.by} cannot create it; choose another name.`,
      );
    }
    return records.create(schema, change.table);
  }
  const key = records.key(change.table);
  const existing = schema.tables[key];
  if (!existing) return schema;
  return { ...schema, tables: { ...schema.tables, [key]: changeTable(existing, change, records) } };
}

function changeTable<T extends IndexedTable<I>, I>(
  existing: T,
  change: Exclude<SchemaChange, { kind: 'createTable' }>,
  records: TableRecords<unknown, T, I>,
): T {
  switch (change.kind) {
    case 'addColumn':
      return records.addColumn(existing, change.column);
    case 'dropIndex': {
      const { [change.name]: _dropped, ...indexes } = existing.indexes;
      return { ...existing, indexes };
    }
    case 'createIndex': {
      const { name, columns } = change.index;
      return {
        ...existing,
        indexes: { ...existing.indexes, [name]: records.index(name, columns) },
      };
    }
  }
}
