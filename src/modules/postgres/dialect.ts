import type { Dialect } from '../../migrations/dialect.js';
import type { ColumnSpec, TableSpec } from '../../migrations/schema.js';
import { applySchemaChange, type TableRecords } from '../../migrations/schema-changes.js';
import { foreignKeysOf } from '../../migrations/snapshot-parts.js';
import {
  btreeIndex,
  byName,
  type Column,
  column,
  type Enum,
  emptySnapshot,
  type Index,
  publicKey,
  type Snapshot,
  type Table,
  table,
} from './snapshot.js';
import { migrationSql } from './sql.js';

const TIMESTAMP = 'timestamp (3) with time zone';

const TYPES: Record<Exclude<ColumnSpec['type'], 'enum'>, string> = {
  uuid: 'uuid',
  text: 'text',
  timestamp: TIMESTAMP,
  double: 'double precision',
  integer: 'integer',
  boolean: 'boolean',
};

/** A column as drizzle-kit records it for PostgreSQL. */
function pgColumn(spec: ColumnSpec): Column {
  const value = spec.default;
  const defaultSql =
    value === 'now'
      ? 'now()'
      : value === 'random'
        ? 'gen_random_uuid()'
        : typeof value?.value === 'string'
          ? `'${value.value}'`
          : value?.value;
  return column(spec.name, spec.enum ? spec.enum.name : TYPES[spec.type as keyof typeof TYPES], {
    primaryKey: spec.primaryKey ?? false,
    notNull: spec.notNull ?? false,
    ...(spec.enum ? { typeSchema: 'public' } : {}),
    ...(defaultSql !== undefined ? { default: defaultSql } : {}),
  });
}

function pgTable(spec: TableSpec): Table {
  return table(spec.name, spec.columns.map(pgColumn), {
    indexes: byName(spec.indexes.map((index) => btreeIndex(index.name, index.columns))),
    foreignKeys: byName(foreignKeysOf(spec.name, spec.columns)),
    uniqueConstraints: byName(
      spec.columns.flatMap((c) =>
        c.unique ? [{ name: c.unique, nullsNotDistinct: false, columns: [c.name] }] : [],
      ),
    ),
  });
}

/** The enum types a table's columns need, as the snapshot records them. */
function enumsOf(spec: TableSpec): Enum[] {
  return spec.columns.flatMap((c) =>
    c.enum ? [{ name: c.enum.name, schema: 'public', values: [...c.enum.values] }] : [],
  );
}

/** How PostgreSQL tables are recorded: keyed `public.<name>`, their enum types beside them. */
const tables: TableRecords<Snapshot, Table, Index> = {
  key: publicKey,
  taken(schema, spec) {
    if (schema.tables[publicKey(spec.name)]) return `a table "${spec.name}"`;
    const type = enumsOf(spec).find((e) => schema.enums[publicKey(e.name)]);
    return type && `a type "${type.name}"`;
  },
  create: (schema, spec) => ({
    ...schema,
    tables: { ...schema.tables, [publicKey(spec.name)]: pgTable(spec) },
    enums: {
      ...schema.enums,
      ...Object.fromEntries(enumsOf(spec).map((e) => [publicKey(e.name), e])),
    },
  }),
  addColumn(existing, column) {
    const { columns, foreignKeys } = pgTable({
      name: existing.name,
      columns: [column],
      indexes: [],
    });
    return {
      ...existing,
      columns: { ...existing.columns, ...columns },
      foreignKeys: { ...existing.foreignKeys, ...foreignKeys },
    };
  },
  index: btreeIndex,
};

/** PostgreSQL through drizzle-orm/pg-core. */
export const postgresDialect: Dialect<Snapshot> = {
  drizzle: 'postgresql',
  emptySnapshot,
  apply: (schema, changes) =>
    changes.reduce((next, change) => applySchemaChange(next, change, tables), schema),
  sql: migrationSql,
  tableImports: ['index', 'pgTable', 'uuid'],
  column(resource, field, spec) {
    switch (field.type) {
      case 'string':
      case 'text':
        return { builder: `text("${spec.name}")`, imports: ['text'] };
      case 'number':
        return { builder: `doublePrecision("${spec.name}")`, imports: ['doublePrecision'] };
      case 'integer':
        return { builder: `integer("${spec.name}")`, imports: ['integer'] };
      case 'boolean':
        return { builder: `boolean("${spec.name}")`, imports: ['boolean'] };
      // Helpers of the project's src/db/columns.ts and src/core/dates.ts: a timestamp with time
      // zone, in milliseconds, and the years that come back as they were sent.
      case 'date':
        return {
          builder: `timestamptz("${spec.name}")`,
          imports: [],
          input: { code: 'storedDate', imports: { '../../core/dates.js': ['storedDate'] } },
        };
      case 'enum':
        return {
          builder: `${field.name}Enum("${spec.name}")`,
          imports: ['pgEnum'],
          declaration: `export const ${field.name}Enum = pgEnum("${spec.enum?.name ?? resource.names.table}", ${field.name}Values);`,
        };
    }
  },
};
