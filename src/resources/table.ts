import type { ColumnSpec, IndexSpec, SchemaChange, TableSpec } from '../migrations/schema.js';
import { idColumn, timestampColumns } from '../migrations/schema.js';
import type { Field } from './fields.js';
import { snakeCase } from './names.js';
import type { Resource } from './resource.js';

// A resource's table, whatever the database; the generated `<plural>.table.ts` of each dialect
// declares the same, and the end-to-end tests run the project's drizzle-kit (`db:generate`)
// after create and after `add` to prove the two agree.

const TYPES: Record<Field['type'], ColumnSpec['type']> = {
  string: 'text',
  text: 'text',
  number: 'double',
  integer: 'integer',
  boolean: 'boolean',
  date: 'timestamp',
  enum: 'enum',
};

/** The column of a field; an enum's type is named `<resource>_<field>`, e.g. `invoice_status`. */
export function fieldColumn(resource: Resource, field: Field): ColumnSpec {
  const required = !field.optional;
  const name = snakeCase(field.name);
  return {
    name,
    type: TYPES[field.type],
    // What the request schema allows (see template-context.ts).
    ...(field.type === 'string' ? { maxLength: 255 } : {}),
    notNull: required,
    // A required flag starts out false rather than being required on create.
    ...(field.type === 'boolean' && required ? { default: { value: false } } : {}),
    ...(field.type === 'enum'
      ? {
          enum: {
            name: `${resource.names.kebab.replaceAll('-', '_')}_${name}`,
            values: field.values,
          },
        }
      : {}),
  };
}

/** The owner of a row, when the project has accounts. */
const ownerColumn = (): ColumnSpec => ({
  name: 'owner_id',
  type: 'uuid',
  notNull: true,
  references: { table: 'users', column: 'id', onDelete: 'cascade' },
});

/** The index list pages walk: by owner when resources are owned, then creation order. */
function pageIndex(table: string, owned: boolean): IndexSpec {
  const columns = owned ? ['owner_id', 'created_at', 'id'] : ['created_at', 'id'];
  return { name: `${table}_${columns.join('_')}_idx`, columns };
}

/** A resource's table, as its generated `<plural>.table.ts` declares it. */
export function resourceTable(resource: Resource, owned: boolean): TableSpec {
  const name = resource.names.table;
  return {
    name,
    columns: [
      idColumn(),
      ...(owned ? [ownerColumn()] : []),
      ...resource.fields.map((field) => fieldColumn(resource, field)),
      ...timestampColumns(),
    ],
    indexes: [pageIndex(name, owned)],
  };
}

/** The migration that creates a resource's table. */
export function createResourceTable(resource: Resource, owned: boolean): SchemaChange {
  return {
    kind: 'createTable',
    table: resourceTable(resource, owned),
    by: `resource "${resource.names.kebab}"`,
  };
}

/**
 * What accounts change in an existing resource's table: an owner, and the page index by owner
 * (columns the user added to the table stay).
 */
export function ownResourceTable(resource: Resource): SchemaChange[] {
  const table = resource.names.table;
  return [
    { kind: 'addColumn', table, column: ownerColumn() },
    { kind: 'dropIndex', table, name: pageIndex(table, false).name },
    { kind: 'createIndex', table, index: pageIndex(table, true) },
  ];
}
