import { CliError } from '../../errors.js';
import type { Dialect } from '../../migrations/dialect.js';
import type { ColumnSpec, SchemaChange, TableSpec } from '../../migrations/schema.js';
import {
  btreeIndex,
  byName,
  type Column,
  column,
  emptySnapshot,
  foreignKey,
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
    uniqueConstraints: byName(
      spec.columns.flatMap((c) =>
        c.unique ? [{ name: c.unique, nullsNotDistinct: false, columns: [c.name] }] : [],
      ),
    ),
  });
}

function applyChange(schema: Snapshot, change: SchemaChange): Snapshot {
  if (change.kind === 'createTable') {
    const created = pgTable(change.table);
    const enums = change.table.columns.flatMap((c) =>
      c.enum ? [{ name: c.enum.name, schema: 'public', values: [...c.enum.values] }] : [],
    );
    const clash = [
      schema.tables[publicKey(created.name)] && `a table "${created.name}"`,
      ...enums.map((e) => schema.enums[publicKey(e.name)] && `a type "${e.name}"`),
    ].find(Boolean);
    if (clash) {
      throw new CliError(
        `The database schema already has ${clash}, so ${change.by} cannot create it; choose another name.`,
      );
    }
    return {
      ...schema,
      tables: { ...schema.tables, [publicKey(created.name)]: created },
      enums: {
        ...schema.enums,
        ...Object.fromEntries(enums.map((e) => [publicKey(e.name), e])),
      },
    };
  }
  const key = publicKey(change.table);
  const existing = schema.tables[key];
  if (!existing) return schema;
  return { ...schema, tables: { ...schema.tables, [key]: changeTable(existing, change) } };
}

function changeTable(
  existing: Table,
  change: Exclude<SchemaChange, { kind: 'createTable' }>,
): Table {
  switch (change.kind) {
    case 'addColumn': {
      const { columns, foreignKeys } = pgTable({
        name: existing.name,
        columns: [change.column],
        indexes: [],
      });
      return {
        ...existing,
        columns: { ...existing.columns, ...columns },
        foreignKeys: { ...existing.foreignKeys, ...foreignKeys },
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
          [change.index.name]: btreeIndex(change.index.name, change.index.columns),
        },
      };
  }
}

/** PostgreSQL through drizzle-orm/pg-core. */
export const postgresDialect: Dialect<Snapshot> = {
  drizzle: 'postgresql',
  emptySnapshot,
  apply: (schema, changes) => changes.reduce(applyChange, schema),
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
