import type { ColumnSpec } from './schema.js';

// What drizzle-kit's snapshots record alike for every database: foreign keys named the way
// drizzle names them, records keyed by name, and the id of the empty schema.

export interface ForeignKey {
  name: string;
  tableFrom: string;
  tableTo: string;
  columnsFrom: string[];
  columnsTo: string[];
  onDelete: string;
  onUpdate: string;
}

export const EMPTY_ID = '00000000-0000-0000-0000-000000000000';

/** A foreign key named the way drizzle names one: `<from>_<column>_<to>_<column>_fk`. */
export function foreignKey(
  tableFrom: string,
  columnFrom: string,
  tableTo: string,
  columnTo: string,
  onDelete = 'cascade',
): ForeignKey {
  return {
    name: `${tableFrom}_${columnFrom}_${tableTo}_${columnTo}_fk`,
    tableFrom,
    tableTo,
    columnsFrom: [columnFrom],
    columnsTo: [columnTo],
    onDelete,
    onUpdate: 'no action',
  };
}

/** The foreign keys of the columns of table `tableFrom` that reference another table. */
export function foreignKeysOf(tableFrom: string, columns: readonly ColumnSpec[]): ForeignKey[] {
  return columns.flatMap(({ name, references }) =>
    references
      ? [foreignKey(tableFrom, name, references.table, references.column, references.onDelete)]
      : [],
  );
}

/** Key a record of named things by name, as snapshots do. */
export function byName<T extends { name: string }>(items: readonly T[]): Record<string, T> {
  return Object.fromEntries(items.map((item) => [item.name, item]));
}

/**
 * The tables of snapshot `to` that `from` does not have, and those both have (before, after). A
 * migration never drops a table: one of `from` that `to` lacks means a generator is wrong.
 */
export function compareTables<T>(
  from: Readonly<Record<string, T>>,
  to: Readonly<Record<string, T>>,
): { created: T[]; changed: [T, T][] } {
  const created: T[] = [];
  const changed: [T, T][] = [];
  for (const [key, next] of Object.entries(to)) {
    const previous = from[key];
    if (previous) changed.push([previous, next]);
    else created.push(next);
  }
  for (const key of Object.keys(from)) {
    if (!to[key]) throw new Error(`migration would drop table ${key}`);
  }
  return { created, changed };
}
