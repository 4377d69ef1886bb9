import { compareTables } from '../../migrations/snapshot-parts.js';
import type { Column, Enum, ForeignKey, Index, Snapshot, Table } from './snapshot.js';

/**
 * The SQL migration from one snapshot to the next, in drizzle-kit's style (statements joined by
 * `--> statement-breakpoint`). It covers what the CLI's own changes do: new enums, new tables,
 * and, on existing tables, new columns, replaced indexes and new foreign keys. Anything else
 * means a generator is wrong, so it throws rather than write a migration that loses data.
 */
export function migrationSql(from: Snapshot, to: Snapshot): string {
  const statements: string[] = [];
  for (const [key, value] of Object.entries(to.enums)) {
    if (!from.enums[key]) statements.push(createEnum(value));
  }

  const { created, changed } = compareTables(from.tables, to.tables);

  for (const next of created) statements.push(createTable(next));
  for (const [previous, next] of changed) {
    for (const name of Object.keys(previous.indexes)) {
      if (!next.indexes[name]) statements.push(`DROP INDEX "${name}";`);
    }
  }
  for (const [previous, next] of changed) {
    for (const [name, column] of Object.entries(next.columns)) {
      if (!previous.columns[name]) {
        statements.push(`ALTER TABLE "${next.name}" ADD COLUMN ${columnSql(column)};`);
      }
    }
    for (const name of Object.keys(previous.columns)) {
      if (!next.columns[name]) throw new Error(`migration would drop ${previous.name}.${name}`);
    }
  }
  const pairs: [Table | undefined, Table][] = [
    ...created.map((next) => [undefined, next] as [undefined, Table]),
    ...changed,
  ];
  for (const [previous, next] of pairs) {
    for (const [name, key] of Object.entries(next.foreignKeys)) {
      if (!previous?.foreignKeys[name]) statements.push(addForeignKey(key));
    }
  }
  for (const [previous, next] of pairs) {
    for (const [name, index] of Object.entries(next.indexes)) {
      if (!previous?.indexes[name]) statements.push(createIndex(next.name, index));
    }
  }
  return statements.join('--> statement-breakpoint\n');
}

function createEnum(value: Enum): string {
  const values = value.values.map((v) => `'${v}'`).join(', ');
  return `CREATE TYPE "${value.schema}"."${value.name}" AS ENUM(${values});`;
}

function createTable(value: Table): string {
  const lines = Object.values(value.columns).map((column) => `\t${columnSql(column)}`);
  for (const unique of Object.values(value.uniqueConstraints)) {
    const columns = unique.columns.map((c) => `"${c}"`).join(',');
    lines.push(`\tCONSTRAINT "${unique.name}" UNIQUE(${columns})`);
  }
  return `CREATE TABLE "${value.name}" (\n${lines.join(',\n')}\n);\n`;
}

function columnSql(column: Column): string {
  const type = column.typeSchema ? `"${column.type}"` : column.type;
  return [
    `"${column.name}" ${type}`,
    column.primaryKey ? ' PRIMARY KEY' : '',
    column.default !== undefined ? ` DEFAULT ${column.default}` : '',
    column.notNull ? ' NOT NULL' : '',
  ].join('');
}

function addForeignKey(key: ForeignKey): string {
  const from = key.columnsFrom.map((c) => `"${c}"`).join(',');
  const to = key.columnsTo.map((c) => `"${c}"`).join(',');
  return `ALTER TABLE "${key.tableFrom}" ADD CONSTRAINT "${key.name}" FOREIGN KEY (${from}) REFERENCES "public"."${key.tableTo}"(${to}) ON DELETE ${key.onDelete} ON UPDATE ${key.onUpdate};`;
}

function createIndex(tableName: string, index: Index): string {
  const columns = index.columns.map((c) => `"${c.expression}"`).join(',');
  return `CREATE ${index.isUnique ? 'UNIQUE ' : ''}INDEX "${index.name}" ON "${tableName}" USING ${index.method} (${columns});`;
}
