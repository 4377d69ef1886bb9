// The schema snapshots drizzle-kit keeps in `drizzle/meta/NNNN_snapshot.json` for MySQL (format
// version 5). A migration the CLI writes carries the snapshot drizzle-kit would have written,
// so the project's own `db:generate` sees no drift and builds on it.

import { EMPTY_ID, type ForeignKey } from '../../migrations/snapshot-parts.js';

export { byName, EMPTY_ID, type ForeignKey, foreignKey } from '../../migrations/snapshot-parts.js';

export interface Column {
  name: string;
  /** The SQL type as drizzle-kit spells it: `varchar(36)`, `datetime(3)`, `enum('a','b')`. */
  type: string;
  /** Always false: drizzle-kit records a primary key as a named constraint of the table. */
  primaryKey: boolean;
  notNull: boolean;
  autoincrement: boolean;
  default?: string | boolean | number;
}

export interface Index {
  name: string;
  columns: string[];
  isUnique: boolean;
}

export interface Constraint {
  name: string;
  columns: string[];
}

export interface Table {
  name: string;
  columns: Record<string, Column>;
  indexes: Record<string, Index>;
  foreignKeys: Record<string, ForeignKey>;
  compositePrimaryKeys: Record<string, Constraint>;
  uniqueConstraints: Record<string, Constraint>;
  checkConstraint: Record<string, unknown>;
}

export interface Snapshot {
  version: string;
  dialect: string;
  id: string;
  prevId: string;
  tables: Record<string, Table>;
  views: Record<string, unknown>;
  _meta: {
    schemas: Record<string, unknown>;
    tables: Record<string, unknown>;
    columns: Record<string, unknown>;
  };
  internal: {
    tables: Record<string, unknown>;
    indexes: Record<string, unknown>;
  };
}

export function emptySnapshot(): Snapshot {
  return {
    version: '5',
    dialect: 'mysql',
    id: EMPTY_ID,
    prevId: EMPTY_ID,
    tables: {},
    views: {},
    _meta: { schemas: {}, tables: {}, columns: {} },
    internal: { tables: {}, indexes: {} },
  };
}

/** A column as drizzle-kit records it; `default` is the SQL text (or a boolean or number literal). */
export function column(
  name: string,
  type: string,
  options: { notNull?: boolean; default?: string | boolean | number } = {},
): Column {
  return {
    name,
    type,
    primaryKey: false,
    notNull: options.notNull ?? false,
    autoincrement: false,
    ...(options.default !== undefined ? { default: options.default } : {}),
  };
}

/** An index over plain columns, named by drizzle's convention for `index(name)`. */
export function index(name: string, columns: readonly string[]): Index {
  return { name, columns: [...columns], isUnique: false };
}

/** A primary key named the way drizzle-kit names one for MySQL: `<table>_<column>`. */
export function primaryKey(tableName: string, columns: readonly string[]): Constraint {
  return { name: `${tableName}_${columns.join('_')}`, columns: [...columns] };
}

export function table(
  name: string,
  columns: readonly Column[],
  extra: Partial<
    Pick<Table, 'indexes' | 'foreignKeys' | 'compositePrimaryKeys' | 'uniqueConstraints'>
  > = {},
): Table {
  return {
    name,
    columns: Object.fromEntries(columns.map((c) => [c.name, c])),
    indexes: extra.indexes ?? {},
    foreignKeys: extra.foreignKeys ?? {},
    compositePrimaryKeys: extra.compositePrimaryKeys ?? {},
    uniqueConstraints: extra.uniqueConstraints ?? {},
    checkConstraint: {},
  };
}
