// The schema snapshots drizzle-kit keeps in `drizzle/meta/NNNN_snapshot.json` for SQLite (format
// version 6). A migration the CLI writes carries the snapshot drizzle-kit would have written,
// so the project's own `db:generate` sees no drift and builds on it.

import { EMPTY_ID, type ForeignKey } from '../../migrations/snapshot-parts.js';

export { byName, EMPTY_ID, type ForeignKey, foreignKey } from '../../migrations/snapshot-parts.js';

export interface Column {
  name: string;
  type: string;
  primaryKey: boolean;
  notNull: boolean;
  autoincrement: boolean;
  /** The SQL text of the default (a string literal keeps its quotes), or a plain literal. */
  default?: string | boolean | number;
}

/** SQLite has no unique constraints apart from indexes: drizzle's `.unique()` is an index too. */
export interface Index {
  name: string;
  columns: string[];
  isUnique: boolean;
}

export interface Table {
  name: string;
  columns: Record<string, Column>;
  indexes: Record<string, Index>;
  foreignKeys: Record<string, ForeignKey>;
  compositePrimaryKeys: Record<string, unknown>;
  uniqueConstraints: Record<string, unknown>;
  checkConstraints: Record<string, unknown>;
}

export interface Snapshot {
  version: string;
  dialect: string;
  id: string;
  prevId: string;
  tables: Record<string, Table>;
  views: Record<string, unknown>;
  enums: Record<string, unknown>;
  _meta: {
    schemas: Record<string, unknown>;
    tables: Record<string, unknown>;
    columns: Record<string, unknown>;
  };
  internal: { indexes: Record<string, unknown> };
}

export function emptySnapshot(): Snapshot {
  return {
    version: '6',
    dialect: 'sqlite',
    id: EMPTY_ID,
    prevId: EMPTY_ID,
    tables: {},
    views: {},
    enums: {},
    _meta: { schemas: {}, tables: {}, columns: {} },
    internal: { indexes: {} },
  };
}

/** A column as drizzle-kit records it. */
export function column(
  name: string,
  type: string,
  options: Partial<Pick<Column, 'primaryKey' | 'notNull' | 'default'>> = {},
): Column {
  const { primaryKey = false, notNull = false } = options;
  return {
    name,
    type,
    primaryKey,
    notNull,
    autoincrement: false,
    ...(options.default !== undefined ? { default: options.default } : {}),
  };
}

export function index(name: string, columns: readonly string[], isUnique = false): Index {
  return { name, columns: [...columns], isUnique };
}

export function table(
  name: string,
  columns: readonly Column[],
  extra: Partial<Pick<Table, 'indexes' | 'foreignKeys'>> = {},
): Table {
  return {
    name,
    columns: Object.fromEntries(columns.map((c) => [c.name, c])),
    indexes: extra.indexes ?? {},
    foreignKeys: extra.foreignKeys ?? {},
    compositePrimaryKeys: {},
    uniqueConstraints: {},
    checkConstraints: {},
  };
}
