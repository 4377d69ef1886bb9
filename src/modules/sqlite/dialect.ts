import { CliError } from '../../errors.js';
import type { Dialect } from '../../migrations/dialect.js';
import type { ColumnSpec, SchemaChange, TableSpec } from '../../migrations/schema.js';
import {
  byName,
  type Column,
  column,
  emptySnapshot,
  foreignKey,
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
    foreignKeys: byName(
      spec.columns.flatMap((c) =>
        c.references
          ? [
              foreignKey(
                spec.name,
                c.name,
                c.references.table,
                c.references.column,
                c.references.onDelete,
              ),
            ]
          : [],
      ),
    ),
  });
}

function applyChange(schema: Snapshot, change: SchemaChange): Snapshot {
  if (change.kind === 'createTable') {
    const created = sqliteTable(change.table);
    if (schema.tables[created.name]) {
      throw new CliError(
        `The database schema already has a table "${created.name}", so ${change.by} cannot create it; choose another name.`,
      );
    }
    return { ...schema, tables: { ...schema.tables, [created.name]: created } };
  }
  const existing = schema.tables[change.table];
  if (!existing) return schema;
  return { ...schema, tables: { ...schema.tables, [change.table]: changeTable(existing, change) } };
}

function changeTable(
  existing: Table,
  change: Exclude<SchemaChange, { kind: 'createTable' }>,
): Table {
  switch (change.kind) {
    case 'addColumn': {
      const added = sqliteTable({ name: existing.name, columns: [change.column], indexes: [] });
      return {
        ...existing,
        columns: { ...existing.columns, ...added.columns },
        indexes: { ...existing.indexes, ...added.indexes },
        foreignKeys: { ...existing.foreignKeys, ...added.foreignKeys },
      };
    }
    case 'dropIndex': {
      const { [change.name]: _dropped, ...indexes } = existing.indexes;
      return { ...existing, indexes };
    }
    case 'createIndex':
      return {
        ...existing,
        indexes: {
          ...existing.indexes,
          [change.index.name]: index(change.index.name, change.index.columns),
        },
      };
  }
}

/** SQLite through drizzle-orm/sqlite-core (on libSQL). */
export const sqliteDialect: Dialect<Snapshot> = {
  drizzle: 'sqlite',
  emptySnapshot,
  apply: (schema, changes) => changes.reduce(applyChange, schema),
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
