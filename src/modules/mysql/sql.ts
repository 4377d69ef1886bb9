import { compareTables } from '../../migrations/snapshot-parts.js';
import type { Column, ForeignKey, Index, Snapshot, Table } from './snapshot.js';

/**
 * The SQL migration from one snapshot to the next, in drizzle-kit's style (statements joined by
 * `--> statement-breakpoint`). It covers what the CLI's own changes do: new tables and, on
 * existing tables, new columns, replaced indexes and new foreign keys. Anything else means a
 * generator is wrong, so it throws rather than write a migration that loses data.
 *
 * Two departures from drizzle-kit, neither of which its snapshots record: new tables say
 * `utf8mb4` (a server whose default is another character set could not store every character
 * a request may carry), and indexes come before foreign keys (so MySQL need not add an index of
 * its own for a key that a following index covers).
 */
export function migrationSql(from: Snapshot, to: Snapshot): string {
  const statements: string[] = [];
  const { created, changed } = compareTables(from.tables, to.tables);

  for (const next of created) statements.push(createTable(next));
  for (const [previous, next] of changed) {
    for (const name of Object.keys(previous.indexes)) {
      if (!next.indexes[name]) statements.push(`DROP INDEX \`${name}\` ON \`${next.name}\`;`);
    }
  }
  for (const [previous, next] of changed) {
    for (const [name, column] of Object.entries(next.columns)) {
      if (!previous.columns[name]) {
        statements.push(`ALTER TABLE \`${next.name}\` ADD ${columnSql(column)};`);
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
    for (const [name, index] of Object.entries(next.indexes)) {
      if (!previous?.indexes[name]) statements.push(createIndex(next.name, index));
    }
  }
  for (const [previous, next] of pairs) {
    for (const [name, key] of Object.entries(next.foreignKeys)) {
      if (!previous?.foreignKeys[name]) statements.push(addForeignKey(key));
    }
  }
  return statements.join('--> statement-breakpoint\n');
}

const quoted = (names: readonly string[]) => names.map((name) => `\`${name}\``).join(',');

function createTable(value: Table): string {
  const lines = Object.values(value.columns).map((column) => `\t${columnSql(column)}`);
  for (const key of Object.values(value.compositePrimaryKeys)) {
    lines.push(`\tCONSTRAINT \`${key.name}\` PRIMARY KEY(${quoted(key.columns)})`);
  }
  for (const unique of Object.values(value.uniqueConstraints)) {
    lines.push(`\tCONSTRAINT \`${unique.name}\` UNIQUE(${quoted(unique.columns)})`);
  }
  return `CREATE TABLE \`${value.name}\` (\n${lines.join(',\n')}\n) DEFAULT CHARSET=utf8mb4;\n`;
}

function columnSql(column: Column): string {
  return [
    `\`${column.name}\` ${column.type}`,
    column.notNull ? ' NOT NULL' : '',
    column.default !== undefined ? ` DEFAULT ${column.default}` : '',
  ].join('');
}

function addForeignKey(key: ForeignKey): string {
  return `ALTER TABLE \`${key.tableFrom}\` ADD CONSTRAINT \`${key.name}\` FOREIGN KEY (${quoted(key.columnsFrom)}) REFERENCES \`${key.tableTo}\`(${quoted(key.columnsTo)}) ON DELETE ${key.onDelete} ON UPDATE ${key.onUpdate};`;
}

function createIndex(tableName: string, index: Index): string {
  return `CREATE ${index.isUnique ? 'UNIQUE ' : ''}INDEX \`${index.name}\` ON \`${tableName}\` (${quoted(index.columns)});`;
}
