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
  primaryKey,
  type Snapshot,
  type Table,
  table,
} from './snapshot.js';
import { migrationSql } from './sql.js';

/** The SQL type drizzle-kit records for a column. */
function sqlType(spec: ColumnSpec): string {
  switch (spec.type) {
    case 'uuid':
      return 'varchar(36)';
    case 'text':
      return spec.maxLength === undefined ? 'text' : `varchar(${spec.maxLength})`;
    // UTC to the millisecond; DATETIME spans the years 1000 to 9999 where TIMESTAMP stops in 2038.
    case 'timestamp':
      return 'datetime(3)';
    case 'double':
      return 'double';
    case 'integer':
      return 'int';
    case 'boolean':
      return 'boolean';
    case 'enum':
      return `enum(${(spec.enum?.values ?? []).map((value) => `'${value}'`).join(',')})`;
  }
}

/**
 * The SQL default of a column. The project generates UUIDs in the app (`$defaultFn`), so an
 * insert knows its key without RETURNING, and drizzle-kit records no default for them.
 */
function sqlDefault(spec: ColumnSpec): string | boolean | number | undefined {
  const value = spec.default;
  if (value === undefined || value === 'random') return undefined;
  if (value === 'now') return '(utc_timestamp(3))';
  return typeof value.value === 'string' ? `'${value.value}'` : value.value;
}

function mysqlColumn(spec: ColumnSpec): Column {
  return column(spec.name, sqlType(spec), {
    notNull: spec.notNull ?? false,
    default: sqlDefault(spec),
  });
}

function mysqlTable(spec: TableSpec): Table {
  const keys = spec.columns.filter((c) => c.primaryKey).map((c) => c.name);
  return table(spec.name, spec.columns.map(mysqlColumn), {
    indexes: byName(spec.indexes.map((i) => index(i.name, i.columns))),
    foreignKeys: byName(foreignKeysOf(spec.name, spec.columns)),
    compositePrimaryKeys: keys.length > 0 ? byName([primaryKey(spec.name, keys)]) : {},
    uniqueConstraints: byName(
      spec.columns.flatMap((c) => (c.unique ? [{ name: c.unique, columns: [c.name] }] : [])),
    ),
  });
}

/** How MySQL tables are recorded: by name; enums belong to their column. */
const tables: TableRecords<Snapshot, Table, Index> = {
  ...tablesByName<Snapshot, Table>(mysqlTable),
  addColumn: (existing, column) => ({
    ...existing,
    columns: { ...existing.columns, [column.name]: mysqlColumn(column) },
    foreignKeys: { ...existing.foreignKeys, ...byName(foreignKeysOf(existing.name, [column])) },
  }),
  index,
};

/** MySQL 8 and MariaDB 10.11+ through drizzle-orm/mysql-core. */
export const mysqlDialect: Dialect<Snapshot> = {
  drizzle: 'mysql',
  emptySnapshot,
  apply: (schema, changes) =>
    changes.reduce((next, change) => applySchemaChange(next, change, tables), schema),
  sql: migrationSql,
  tableImports: ['index', 'mysqlTable'],
  column(_resource, field, spec) {
    switch (field.type) {
      case 'string':
        return {
          builder: `varchar("${spec.name}", { length: ${spec.maxLength ?? 255} })`,
          imports: ['varchar'],
        };
      case 'text':
        return { builder: `text("${spec.name}")`, imports: ['text'] };
      case 'number':
        return { builder: `double("${spec.name}")`, imports: ['double'] };
      case 'integer':
        return { builder: `int("${spec.name}")`, imports: ['int'] };
      case 'boolean':
        return { builder: `boolean("${spec.name}")`, imports: ['boolean'] };
      // Helpers of the project's src/db/columns.ts and src/core/dates.ts: a DATETIME in UTC, to
      // the millisecond, and the years it can hold.
      case 'date':
        return {
          builder: `utcDatetime("${spec.name}")`,
          imports: [],
          input: {
            code: 'storedDate',
            imports: { '../../core/dates.js': ['storedDate'] },
          },
        };
      case 'enum':
        return {
          builder: `mysqlEnum("${spec.name}", ${field.name}Values)`,
          imports: ['mysqlEnum'],
        };
    }
  },
};
