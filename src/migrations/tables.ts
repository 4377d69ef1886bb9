import { CliError } from '../errors.js';
import type { Field } from '../resources/fields.js';
import { snakeCase } from '../resources/names.js';
import type { Resource } from '../resources/resource.js';
import type { MigrationStep } from './migrations.js';
import {
  btreeIndex,
  byName,
  type Column,
  column,
  type Enum,
  foreignKey,
  publicKey,
  type Snapshot,
  type Table,
  table,
} from './snapshot.js';

// The tables below are what the generated `*.table.ts` files declare; the end-to-end tests run
// the project's drizzle-kit (`db:generate`) after create and after `add` to prove the two agree.

const TIMESTAMP = 'timestamp (3) with time zone';
const id = () =>
  column('id', 'uuid', { primaryKey: true, notNull: true, default: 'gen_random_uuid()' });
const timestamps = () => [
  column('created_at', TIMESTAMP, { notNull: true, default: 'now()' }),
  column('updated_at', TIMESTAMP, { notNull: true, default: 'now()' }),
];

/** The Postgres enum type of an enum field: `<resource>_<field>`, e.g. `invoice_status`. */
export function enumTypeName(resource: Resource, field: Field): string {
  return `${resource.names.kebab.replaceAll('-', '_')}_${snakeCase(field.name)}`;
}

const COLUMN_TYPES: Record<Exclude<Field['type'], 'enum'>, string> = {
  string: 'text',
  text: 'text',
  number: 'double precision',
  integer: 'integer',
  boolean: 'boolean',
  date: TIMESTAMP,
};

function fieldColumn(resource: Resource, field: Field): Column {
  const required = !field.optional;
  if (field.type === 'enum') {
    return column(snakeCase(field.name), enumTypeName(resource, field), {
      typeSchema: 'public',
      notNull: required,
    });
  }
  return column(snakeCase(field.name), COLUMN_TYPES[field.type], {
    notNull: required,
    // A required flag starts out false rather than being required on create.
    ...(field.type === 'boolean' && required ? { default: false } : {}),
  });
}

/** The index list pages walk: by owner when resources are owned, then creation order. */
function pageIndex(tableName: string, owned: boolean) {
  const columns = owned ? ['owner_id', 'created_at', 'id'] : ['created_at', 'id'];
  return btreeIndex(`${tableName}_${columns.join('_')}_idx`, columns);
}

/** A resource's table and enum types, as its generated `<plural>.table.ts` declares them. */
export function resourceSchema(
  resource: Resource,
  owned: boolean,
): { table: Table; enums: Enum[] } {
  const name = resource.names.table;
  const owner = column('owner_id', 'uuid', { notNull: true });
  return {
    table: table(
      name,
      [
        id(),
        ...(owned ? [owner] : []),
        ...resource.fields.map((field) => fieldColumn(resource, field)),
        ...timestamps(),
      ],
      {
        indexes: byName([pageIndex(name, owned)]),
        foreignKeys: owned ? byName([foreignKey(name, 'owner_id', 'users', 'id')]) : {},
      },
    ),
    enums: resource.fields
      .filter((field) => field.type === 'enum')
      .map((field) => ({
        name: enumTypeName(resource, field),
        schema: 'public',
        values: field.values,
      })),
  };
}

/** Add a resource's table to a schema. */
export function withResource(snapshot: Snapshot, resource: Resource, owned: boolean): Snapshot {
  const { table: created, enums } = resourceSchema(resource, owned);
  const clash = [
    snapshot.tables[publicKey(created.name)] && `a table "${created.name}"`,
    ...enums.map((e) => snapshot.enums[publicKey(e.name)] && `a type "${e.name}"`),
  ].find(Boolean);
  if (clash) {
    throw new CliError(
      `The database schema already has ${clash}, so resource "${resource.names.kebab}" cannot create it; choose another name.`,
    );
  }
  return {
    ...snapshot,
    tables: { ...snapshot.tables, [publicKey(created.name)]: created },
    enums: { ...snapshot.enums, ...Object.fromEntries(enums.map((e) => [publicKey(e.name), e])) },
  };
}

/**
 * Add the auth tables (users with a role, refresh tokens) to a schema, and give the resources
 * already in it an owner, as their regenerated table files now declare.
 */
export function withAuth(snapshot: Snapshot, resources: readonly Resource[]): Snapshot {
  const users = table(
    'users',
    [
      id(),
      column('email', 'text', { notNull: true }),
      column('password_hash', 'text', { notNull: true }),
      column('role', 'user_role', { typeSchema: 'public', notNull: true, default: "'user'" }),
      ...timestamps(),
    ],
    {
      uniqueConstraints: byName([
        { name: 'users_email_unique', nullsNotDistinct: false, columns: ['email'] },
      ]),
    },
  );
  const refreshTokens = table(
    'refresh_tokens',
    [
      id(),
      column('user_id', 'uuid', { notNull: true }),
      column('family_id', 'uuid', { notNull: true }),
      column('token_hash', 'text', { notNull: true }),
      column('expires_at', TIMESTAMP, { notNull: true }),
      column('revoked_at', TIMESTAMP),
      column('created_at', TIMESTAMP, { notNull: true, default: 'now()' }),
    ],
    {
      indexes: byName([btreeIndex('refresh_tokens_family_id_idx', ['family_id'])]),
      foreignKeys: byName([foreignKey('refresh_tokens', 'user_id', 'users', 'id')]),
      uniqueConstraints: byName([
        {
          name: 'refresh_tokens_token_hash_unique',
          nullsNotDistinct: false,
          columns: ['token_hash'],
        },
      ]),
    },
  );
  const tables = { ...snapshot.tables };
  for (const resource of resources) {
    const key = publicKey(resource.names.table);
    const existing = tables[key];
    if (!existing) continue;
    const { table: owned } = resourceSchema(resource, true);
    // Keep the columns the table has (the user may have added some) and add the owner.
    tables[key] = {
      ...existing,
      columns: { ...existing.columns, owner_id: owned.columns.owner_id as Column },
      indexes: {
        ...withoutKey(existing.indexes, pageIndex(resource.names.table, false).name),
        ...owned.indexes,
      },
      foreignKeys: { ...existing.foreignKeys, ...owned.foreignKeys },
    };
  }
  return {
    ...snapshot,
    tables: { ...tables, 'public.users': users, 'public.refresh_tokens': refreshTokens },
    enums: {
      ...snapshot.enums,
      'public.user_role': { name: 'user_role', schema: 'public', values: ['user', 'admin'] },
    },
  };
}

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _removed, ...rest } = record;
  return rest;
}

/** The migration that adds auth (and owners to the resources the project has). */
export function authStep(resources: readonly Resource[]): MigrationStep {
  return { name: 'auth', apply: (schema) => withAuth(schema, resources) };
}

/** The migration that creates a resource's table. */
export function resourceStep(resource: Resource, owned: boolean): MigrationStep {
  return { name: resource.names.table, apply: (schema) => withResource(schema, resource, owned) };
}

/** A new project's migrations: auth's tables first, so resources can reference users. */
export function initialMigrationSteps(
  hasAuth: boolean,
  resources: readonly Resource[],
): MigrationStep[] {
  return [
    ...(hasAuth ? [authStep([])] : []),
    ...resources.map((resource) => resourceStep(resource, hasAuth)),
  ];
}
