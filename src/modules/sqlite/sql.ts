import { compareTables } from '../../migrations/snapshot-parts.js';
import type { Column, ForeignKey, Index, Snapshot, Table } from './snapshot.js';

/**
 * The SQL migration from one snapshot to the next, in drizzle-kit's style (statements joined by
 * `--> statement-breakpoint`). It covers what the CLI's own changes do: new tables, and, on
 * existing tables, new columns and replaced indexes. Anything else means a generator is wrong,
 * so it throws rather than write a migration that loses data.
 */
export function migrationSql(from: Snapshot, to: Snapshot): string {
  const { created, changed } = compareTables(from.tables, to.tables);

  const statements: string[] = [];
  for (const next of created) {
    statements.push(createTable(next.name, next));
    for (const index of Object.values(next.indexes)) statements.push(createIndex(next.name, index));
  }
  for (const [previous, next] of changed) {
    for (const name of Object.keys(previous.indexes)) {
      if (!next.indexes[name]) statements.push(`DROP INDEX \`${name}\`;`);
    }
  }
  const recreated = new Set<Table>();
  for (const [previous, next] of changed) {
    for (const name of Object.keys(previous.columns)) {
      if (!next.columns[name]) throw new Error(`migration would drop ${previous.name}.${name}`);
    }
    const added = Object.values(next.columns).filter((column) => !previous.columns[column.name]);
    if (needsNewTable(previous, next, added)) {
      statements.push(...recreateTable(previous, next));
      recreated.add(next);
    } else {
      for (const column of added) {
        statements.push(`ALTER TABLE \`${next.name}\` ADD ${columnSql(column)};`);
      }
    }
  }
  for (const [previous, next] of changed) {
    for (const [name, index] of Object.entries(next.indexes)) {
      // A new table comes without the old one's indexes.
      if (recreated.has(next) || !previous.indexes[name]) {
        statements.push(createIndex(next.name, index));
      }
    }
  }
  return statements.join('--> statement-breakpoint\n');
}

/**
 * SQLite's ALTER TABLE adds a NOT NULL column without a default only to an empty table, and no
 * foreign key to a column it has, so such a change copies the table into a new one, as
 * drizzle-kit does for the changes ALTER TABLE cannot make.
 */
function needsNewTable(previous: Table, next: Table, added: readonly Column[]): boolean {
  const newKey = Object.keys(next.foreignKeys).some((name) => !previous.foreignKeys[name]);
  return newKey || added.some((column) => column.notNull && column.default === undefined);
}

/**
 * drizzle-kit's table recreation: a new table, the rows copied, the old table dropped and the new
 * one renamed. A new NOT NULL column makes the copy fail while the table has rows; its
 * INSERT … SELECT is where a user gives them a value.
 */
function recreateTable(previous: Table, next: Table): string[] {
  const temporary = `__new_${next.name}`;
  const kept = Object.keys(next.columns)
    .filter((name) => previous.columns[name])
    .map((name) => `"${name}"`)
    .join(', ');
  return [
    'PRAGMA foreign_keys=OFF;',
    createTable(temporary, next),
    `INSERT INTO \`${temporary}\`(${kept}) SELECT ${kept} FROM \`${next.name}\`;`,
    `DROP TABLE \`${next.name}\`;`,
    `ALTER TABLE \`${temporary}\` RENAME TO \`${next.name}\`;`,
    'PRAGMA foreign_keys=ON;',
  ];
}

function createTable(name: string, value: Table): string {
  const lines = Object.values(value.columns).map((column) => `\t${columnSql(column)}`);
  for (const key of Object.values(value.foreignKeys)) lines.push(`\t${foreignKeySql(key)}`);
  return `CREATE TABLE \`${name}\` (\n${lines.join(',\n')}\n);\n`;
}

function columnSql(column: Column): string {
  return [
    `\`${column.name}\` ${column.type}`,
    column.primaryKey ? ' PRIMARY KEY' : '',
    column.autoincrement ? ' AUTOINCREMENT' : '',
    column.default !== undefined ? ` DEFAULT ${column.default}` : '',
    column.notNull ? ' NOT NULL' : '',
  ].join('');
}

function foreignKeySql(key: ForeignKey): string {
  const from = key.columnsFrom.map((c) => `\`${c}\``).join(',');
  const to = key.columnsTo.map((c) => `\`${c}\``).join(',');
  return `FOREIGN KEY (${from}) REFERENCES \`${key.tableTo}\`(${to}) ON UPDATE ${key.onUpdate} ON DELETE ${key.onDelete}`;
}

function createIndex(tableName: string, index: Index): string {
  const columns = index.columns.map((c) => `\`${c}\``).join(',');
  return `CREATE ${index.isUnique ? 'UNIQUE ' : ''}INDEX \`${index.name}\` ON \`${tableName}\` (${columns});`;
}
