import type { Dialect } from '../../migrations/dialect.js';
import type { ColumnSpec, TableSpec } from '../../migrations/schema.js';
import {
  applySchemaChange,
  type TableRecords,
  tablesByName,
} from '../../migrations/schema-changes.js';
import { foreignKeysOf } from '../../migrations/snapshot-parts.js';
import {
  byName,
  type Column,
  column,
  emptySnapshot,
  type Index,
  index,
  type Snapshot,
  type Table,
  table,
} from './snapshot.js';
import { migrationSql } from './sql.js';

// SQLite's storage classes: UUIDs and enum values are text, timestamps integer milliseconds
// (drizzle's `timestamp_ms` mode), booleans integer 0/1 (its `boolean` mode).
const TYPES: Record<ColumnSpec['type'], string> = {
  uuid: 'text',
  text: 'text',
  timestamp: 'integer',
  double: 'real',
  integer: 'integer',
  boolean: 'integer',
  enum: 'text',
};

/**
 * A column as drizzle-kit records it for SQLite. Ids and insert times have no SQL default: the
 * tables give them with `$defaultFn` (a UUID, the current time), which drizzle-kit does not see.
 */
function sqliteColumn(spec: ColumnSpec): Column {
  const value = typeof spec.default === 'object' ? spec.default.value : undefined;
  return column(spec.name, TYPES[spec.type], {
    primaryKey: spec.primaryKey ?? false,
    notNull: spec.notNull ?? false,
    ...(value !== undefined ? { default: typeof value === 'string' ? `'${value}'` : value } : {}),
  });
}

function sqliteTable(spec: TableSpec): Table {
  return table(spec.name, spec.columns.map(sqliteColumn), {
    indexes: byName([
      ...spec.columns.flatMap((c) => (c.unique ? [index(c.unique, [c.name], true)] : [])),
      ...spec.indexes.map((i) => index(i.name, i.columns)),
    ]),
    foreignKeys: byName(foreignKeysOf(spec.name, spec.columns)),
  });
}

/** How SQLite tables are recorded: by name; a column's unique index comes with it. */
const tables: TableRecords<Snapshot, Table, Index> = {
  ...tablesByName<Snapshot, Table>(sqliteTable),
  addColumn(existing, column) {
    const added = sqliteTable({ name: existing.name, columns: [column], indexes: [] });
    return {
      ...existing,
      columns: { ...existing.columns, ...added.columns },
      indexes: { ...existing.indexes, ...added.indexes },
      foreignKeys: { ...existing.foreignKeys, ...added.foreignKeys },
    };
  },
  index,
};

/** SQLite through drizzle-orm/sqlite-core (on libSQL). */
export const sqliteDialect: Dialect<Snapshot> = {
  drizzle: 'sqlite',
  emptySnapshot,
  apply: (schema, changes) =>
    changes.reduce((next, change) => applySchemaChange(next, change, tables), schema),
  sql: migrationSql,
  tableImports: ['index', 'sqliteTable', 'text'],
  column(_resource, field, spec) {
    switch (field.type) {
      case 'string':
      case 'text':
        return { builder: `text("${spec.name}")`, imports: ['text'] };
      case 'number':
        return { builder: `real("${spec.name}")`, imports: ['real'] };
      case 'integer':
        return { builder: `integer("${spec.name}")`, imports: ['integer'] };
      case 'boolean':
        return { builder: `integer("${spec.name}", { mode: "boolean" })`, imports: ['integer'] };
      // Helpers of the project's src/db/columns.ts and src/core/dates.ts: milliseconds since the
      // epoch, as a Date, and the years an ISO 8601 date writes with four digits.
      case 'date':
        return {
          builder: `timestamp("${spec.name}")`,
          imports: [],
          input: { code: 'storedDate', imports: { '../../core/dates.js': ['storedDate'] } },
        };
      case 'enum':
        return {
          builder: `text("${spec.name}", { enum: ${field.name}Values })`,
          imports: ['text'],
        };
    }
  },
};
