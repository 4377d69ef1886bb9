// The schema snapshots drizzle-kit keeps in `drizzle/meta/NNNN_snapshot.json` (format version 7,
// PostgreSQL). A migration the CLI writes carries the snapshot drizzle-kit would have written,
// so the project's own `db:generate` sees no drift and builds on it.

import { EMPTY_ID, type ForeignKey } from '../../migrations/snapshot-parts.js';

export { byName, EMPTY_ID, type ForeignKey, foreignKey } from '../../migrations/snapshot-parts.js';

export interface Column {
  name: string;
  type: string;
  typeSchema?: string;
  primaryKey: boolean;
  notNull: boolean;
  default?: string | boolean | number;
}

export interface IndexColumn {
  expression: string;
  isExpression: boolean;
  asc: boolean;
  nulls: 'last' | 'first';
}

export interface Index {
  name: string;
  columns: IndexColumn[];
  isUnique: boolean;
  concurrently: boolean;
  method: string;
  with: Record<string, unknown>;
}

export interface UniqueConstraint {
  name: string;
  nullsNotDistinct: boolean;
  columns: string[];
}

export interface Table {
  name: string;
  schema: string;
  columns: Record<string, Column>;
  indexes: Record<string, Index>;
  foreignKeys: Record<string, ForeignKey>;
  compositePrimaryKeys: Record<string, unknown>;
  uniqueConstraints: Record<string, UniqueConstraint>;
  policies: Record<string, unknown>;
  checkConstraints: Record<string, unknown>;
  isRLSEnabled: boolean;
}

export interface Enum {
  name: string;
  schema: string;
  values: string[];
}

export interface Snapshot {
  id: string;
  prevId: string;
  version: string;
  dialect: string;
  tables: Record<string, Table>;
  enums: Record<string, Enum>;
  schemas: Record<string, unknown>;
  sequences: Record<string, unknown>;
  roles: Record<string, unknown>;
  policies: Record<string, unknown>;
  views: Record<string, unknown>;
  _meta: {
    columns: Record<string, unknown>;
    schemas: Record<string, unknown>;
    tables: Record<string, unknown>;
  };
}

export function emptySnapshot(): Snapshot {
  return {
    id: EMPTY_ID,
    prevId: EMPTY_ID,
    version: '7',
    dialect: 'postgresql',
    tables: {},
    enums: {},
    schemas: {},
    sequences: {},
    roles: {},
    policies: {},
    views: {},
    _meta: { columns: {}, schemas: {}, tables: {} },
  };
}

/** A column as drizzle-kit records it; `default` is the SQL text (or a boolean literal). */
export function column(
  name: string,
  type: string,
  options: Partial<Pick<Column, 'primaryKey' | 'notNull' | 'default' | 'typeSchema'>> = {},
): Column {
  const { primaryKey = false, notNull = false, typeSchema } = options;
  return {
    name,
    type,
    ...(typeSchema ? { typeSchema } : {}),
    primaryKey,
    notNull,
    ...(options.default !== undefined ? { default: options.default } : {}),
  };
}

/** A btree index over plain columns, named by drizzle's convention for `index(name)`. */
export function btreeIndex(name: string, columns: readonly string[]): Index {
  return {
    name,
    columns: columns.map((expression) => ({
      expression,
      isExpression: false,
      asc: true,
      nulls: 'last',
    })),
    isUnique: false,
    concurrently: false,
    method: 'btree',
    with: {},
  };
}

export function table(
  name: string,
  columns: readonly Column[],
  extra: Partial<Pick<Table, 'indexes' | 'foreignKeys' | 'uniqueConstraints'>> = {},
): Table {
  return {
    name,
    schema: '',
    columns: Object.fromEntries(columns.map((c) => [c.name, c])),
    indexes: extra.indexes ?? {},
    foreignKeys: extra.foreignKeys ?? {},
    compositePrimaryKeys: {},
    uniqueConstraints: extra.uniqueConstraints ?? {},
    policies: {},
    checkConstraints: {},
    isRLSEnabled: false,
  };
}

/** The snapshot key of a table or enum in the public schema. */
export const publicKey = (name: string) => `public.${name}`;
