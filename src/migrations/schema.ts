// What a module's tables are, whatever the database: jwt's users, a resource's rows. Each
// database module's dialect turns these into its own column types, snapshot and SQL, so a
// module describes its tables once and every database gets them.

/** The kinds of column the generated code uses. */
export type ColumnType = 'uuid' | 'text' | 'timestamp' | 'double' | 'integer' | 'boolean' | 'enum';

export interface ColumnSpec {
  /** The SQL name (snake_case). */
  name: string;
  type: ColumnType;
  /**
   * For text: the most characters it holds, where a database declares it (MySQL's varchar, which
   * unique and indexed columns need); without it, text of any length.
   */
  maxLength?: number;
  notNull?: boolean;
  primaryKey?: boolean;
  /** The name of a unique constraint on this column alone. */
  unique?: string;
  /** `now`: the time of the insert; `random`: a fresh UUID; or a literal value. */
  default?: 'now' | 'random' | { value: string | number | boolean };
  /** For an enum column: its values, and the name of its type where a database has enum types. */
  enum?: { name: string; values: readonly string[] };
  references?: { table: string; column: string; onDelete: 'cascade' | 'no action' };
}

export interface IndexSpec {
  name: string;
  columns: readonly string[];
}

export interface TableSpec {
  name: string;
  columns: readonly ColumnSpec[];
  indexes: readonly IndexSpec[];
}

/**
 * One change a migration makes. Changes to a table the schema does not have (the user dropped
 * it) are skipped; creating a table (or enum type) that exists is refused.
 */
export type SchemaChange =
  | {
      kind: 'createTable';
      table: TableSpec;
      /** What wants the table, for the message when the name is taken: `resource "invoice"`. */
      by: string;
    }
  | { kind: 'addColumn'; table: string; column: ColumnSpec }
  | { kind: 'dropIndex'; table: string; name: string }
  | { kind: 'createIndex'; table: string; index: IndexSpec };

/** One migration to write: its name (the file is `NNNN_<name>.sql`) and what it changes. */
export interface MigrationStep {
  name: string;
  changes: readonly SchemaChange[];
}

/** The columns every table of the generated code starts or ends with. */
export const idColumn = (): ColumnSpec => ({
  name: 'id',
  type: 'uuid',
  primaryKey: true,
  notNull: true,
  default: 'random',
});

export const timestampColumns = (): ColumnSpec[] => [
  { name: 'created_at', type: 'timestamp', notNull: true, default: 'now' },
  { name: 'updated_at', type: 'timestamp', notNull: true, default: 'now' },
];
