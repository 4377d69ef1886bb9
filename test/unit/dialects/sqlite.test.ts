import { describe, expect, it } from 'vitest';
import { JOURNAL_PATH, planMigrations } from '../../../src/migrations/migrations.js';
import type { MigrationStep } from '../../../src/migrations/schema.js';
import { jwt } from '../../../src/modules/jwt.js';
import { sqliteDialect as dialect } from '../../../src/modules/sqlite/dialect.js';
import { emptySnapshot, type Snapshot } from '../../../src/modules/sqlite/snapshot.js';
import { migrationSql } from '../../../src/modules/sqlite/sql.js';
import { defineResource, TODO } from '../../../src/resources/resource.js';
import { createResourceTable } from '../../../src/resources/table.js';
import { resourceContext } from '../../../src/resources/template-context.js';
import {
  choicesOn,
  fileMap,
  history,
  initialFiles,
  invoice,
  snapshotOf,
  statements,
} from './migration-files.js';

// The expected SQL and snapshots are what drizzle-kit 0.31 writes for the same tables
// (`db:generate` on the generated table files), except where noted.

const todo = defineResource(TODO);

describe('SQLite migrations', () => {
  it('starts a new project with auth, then todos owned by a user', () => {
    const files = initialFiles(dialect, 'sqlite', true, [todo]);
    expect([...files.keys()]).toEqual([
      'drizzle/0000_auth.sql',
      'drizzle/meta/0000_snapshot.json',
      'drizzle/0001_todos.sql',
      'drizzle/meta/0001_snapshot.json',
      JOURNAL_PATH,
    ]);
    expect(statements(files.get('drizzle/0000_auth.sql'))).toEqual([
      "CREATE TABLE `users` (\n\t`id` text PRIMARY KEY NOT NULL,\n\t`email` text NOT NULL,\n\t`password_hash` text NOT NULL,\n\t`role` text DEFAULT 'user' NOT NULL,\n\t`created_at` integer NOT NULL,\n\t`updated_at` integer NOT NULL\n);\n",
      'CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);',
      'CREATE INDEX `users_created_at_id_idx` ON `users` (`created_at`,`id`);',
      'CREATE TABLE `refresh_tokens` (\n\t`id` text PRIMARY KEY NOT NULL,\n\t`user_id` text NOT NULL,\n\t`family_id` text NOT NULL,\n\t`token_hash` text NOT NULL,\n\t`expires_at` integer NOT NULL,\n\t`revoked_at` integer,\n\t`created_at` integer NOT NULL,\n\tFOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade\n);\n',
      'CREATE UNIQUE INDEX `refresh_tokens_token_hash_unique` ON `refresh_tokens` (`token_hash`);',
      'CREATE INDEX `refresh_tokens_family_id_idx` ON `refresh_tokens` (`family_id`);',
      'CREATE INDEX `refresh_tokens_user_id_idx` ON `refresh_tokens` (`user_id`);',
    ]);
    expect(statements(files.get('drizzle/0001_todos.sql'))).toEqual([
      'CREATE TABLE `todos` (\n\t`id` text PRIMARY KEY NOT NULL,\n\t`owner_id` text NOT NULL,\n\t`title` text NOT NULL,\n\t`done` integer DEFAULT false NOT NULL,\n\t`created_at` integer NOT NULL,\n\t`updated_at` integer NOT NULL,\n\tFOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade\n);\n',
      'CREATE INDEX `todos_owner_id_created_at_id_idx` ON `todos` (`owner_id`,`created_at`,`id`);',
    ]);

    const first = snapshotOf<Snapshot>(files, 'drizzle/meta/0000_snapshot.json');
    const second = snapshotOf<Snapshot>(files, 'drizzle/meta/0001_snapshot.json');
    expect(first).toMatchObject({
      version: '6',
      dialect: 'sqlite',
      prevId: '00000000-0000-0000-0000-000000000000',
      views: {},
      enums: {},
      internal: { indexes: {} },
    });
    expect(second.prevId).toBe(first.id);
    expect(first.tables.users?.columns.role).toEqual({
      name: 'role',
      type: 'text',
      primaryKey: false,
      notNull: true,
      autoincrement: false,
      default: "'user'",
    });
    expect(first.tables.users?.indexes).toEqual({
      users_email_unique: { name: 'users_email_unique', columns: ['email'], isUnique: true },
      users_created_at_id_idx: {
        name: 'users_created_at_id_idx',
        columns: ['created_at', 'id'],
        isUnique: false,
      },
    });
    expect(second.tables.todos).toEqual({
      name: 'todos',
      columns: {
        id: column('id', 'text', { primaryKey: true, notNull: true }),
        owner_id: column('owner_id', 'text', { notNull: true }),
        title: column('title', 'text', { notNull: true }),
        done: column('done', 'integer', { notNull: true, default: false }),
        created_at: column('created_at', 'integer', { notNull: true }),
        updated_at: column('updated_at', 'integer', { notNull: true }),
      },
      indexes: {
        todos_owner_id_created_at_id_idx: {
          name: 'todos_owner_id_created_at_id_idx',
          columns: ['owner_id', 'created_at', 'id'],
          isUnique: false,
        },
      },
      foreignKeys: {
        todos_owner_id_users_id_fk: {
          name: 'todos_owner_id_users_id_fk',
          tableFrom: 'todos',
          tableTo: 'users',
          columnsFrom: ['owner_id'],
          columnsTo: ['id'],
          onDelete: 'cascade',
          onUpdate: 'no action',
        },
      },
      compositePrimaryKeys: {},
      uniqueConstraints: {},
      checkConstraints: {},
    });
    const journal = JSON.parse(files.get(JOURNAL_PATH) ?? '');
    expect(journal).toMatchObject({ version: '7', dialect: 'sqlite' });
    expect(journal.entries.map((entry: { version: string }) => entry.version)).toEqual(['6', '6']);
  });

  it('adds a resource with every field type, dated now', async () => {
    const start = initialFiles(dialect, 'sqlite', false, [todo]);
    const now = Date.UTC(2026, 10, 21);
    const step: MigrationStep = {
      name: 'invoices',
      changes: [createResourceTable(invoice, false)],
    };
    const added = fileMap(planMigrations(dialect, await history(start), [step], now));
    expect(statements(added.get('drizzle/0001_invoices.sql'))).toEqual([
      'CREATE TABLE `invoices` (\n\t`id` text PRIMARY KEY NOT NULL,\n\t`title` text NOT NULL,\n\t`amount` real NOT NULL,\n\t`count` integer NOT NULL,\n\t`paid` integer DEFAULT false NOT NULL,\n\t`due_at` integer NOT NULL,\n\t`status` text NOT NULL,\n\t`note` text,\n\t`created_at` integer NOT NULL,\n\t`updated_at` integer NOT NULL\n);\n',
      'CREATE INDEX `invoices_created_at_id_idx` ON `invoices` (`created_at`,`id`);',
    ]);
    expect(JSON.parse(added.get(JOURNAL_PATH) ?? '').entries.at(-1)).toEqual({
      idx: 1,
      version: '6',
      when: now,
      tag: '0001_invoices',
      breakpoints: true,
    });
    const snapshot = snapshotOf<Snapshot>(added, 'drizzle/meta/0001_snapshot.json');
    expect(Object.keys(snapshot.tables)).toEqual(['todos', 'invoices']);
  });

  // Here drizzle-kit writes `ALTER TABLE ... ADD ... NOT NULL REFERENCES users(id)`, without the
  // ON DELETE rule its snapshot records; its table recreation keeps the rule.
  it('gives resources an owner when auth comes later, by recreating their tables', async () => {
    const start = initialFiles(dialect, 'sqlite', false, [todo]);
    const auth = jwt.migration?.({
      choices: choicesOn('sqlite', true),
      resources: [todo],
    }) as MigrationStep;
    const added = fileMap(planMigrations(dialect, await history(start), [auth], 1));
    expect(statements(added.get('drizzle/0001_auth.sql')).slice(7)).toEqual([
      'DROP INDEX `todos_created_at_id_idx`;',
      'PRAGMA foreign_keys=OFF;',
      'CREATE TABLE `__new_todos` (\n\t`id` text PRIMARY KEY NOT NULL,\n\t`title` text NOT NULL,\n\t`done` integer DEFAULT false NOT NULL,\n\t`created_at` integer NOT NULL,\n\t`updated_at` integer NOT NULL,\n\t`owner_id` text NOT NULL,\n\tFOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade\n);\n',
      'INSERT INTO `__new_todos`("id", "title", "done", "created_at", "updated_at") SELECT "id", "title", "done", "created_at", "updated_at" FROM `todos`;',
      'DROP TABLE `todos`;',
      'ALTER TABLE `__new_todos` RENAME TO `todos`;',
      'PRAGMA foreign_keys=ON;',
      'CREATE INDEX `todos_owner_id_created_at_id_idx` ON `todos` (`owner_id`,`created_at`,`id`);',
    ]);
    // The same table as a project created with auth has, so db:generate sees no change.
    const created = snapshotOf<Snapshot>(
      initialFiles(dialect, 'sqlite', true, [todo]),
      'drizzle/meta/0001_snapshot.json',
    );
    const grown = snapshotOf<Snapshot>(added, 'drizzle/meta/0001_snapshot.json');
    expect(grown.tables.todos).toEqual(created.tables.todos);
  });

  it('recreates every index of a recreated table, the user’s own included', () => {
    const before = dialect.apply(emptySnapshot(), [createResourceTable(todo, false)]);
    const edited: Snapshot = structuredClone(before);
    const todos = edited.tables.todos;
    if (!todos) throw new Error('no todos table');
    todos.indexes.todos_title_idx = { name: 'todos_title_idx', columns: ['title'], isUnique: true };
    const after = dialect.apply(
      edited,
      jwt.migration?.({ choices: choicesOn('sqlite', true), resources: [todo] }).changes ?? [],
    );
    expect(statements(migrationSql(edited, after)).slice(-2)).toEqual([
      'CREATE UNIQUE INDEX `todos_title_idx` ON `todos` (`title`);',
      'CREATE INDEX `todos_owner_id_created_at_id_idx` ON `todos` (`owner_id`,`created_at`,`id`);',
    ]);
  });

  it('adds a column it can with ALTER TABLE', () => {
    const before = dialect.apply(emptySnapshot(), [createResourceTable(todo, false)]);
    const after = dialect.apply(before, [
      { kind: 'addColumn', table: 'todos', column: { name: 'note', type: 'text' } },
    ]);
    expect(migrationSql(before, after)).toBe('ALTER TABLE `todos` ADD `note` text;');
  });

  it('refuses a resource whose table the schema already has', () => {
    const schema = dialect.apply(emptySnapshot(), [createResourceTable(invoice, false)]);
    expect(() => dialect.apply(schema, [createResourceTable(invoice, false)])).toThrow(
      /already has a table "invoices", so resource "invoice" cannot create it/,
    );
  });

  it('never writes a migration that drops what exists', () => {
    const schema = dialect.apply(emptySnapshot(), [createResourceTable(todo, false)]);
    expect(() => migrationSql(schema, emptySnapshot())).toThrow(/would drop table todos/);
  });
});

describe('SQLite resource columns', () => {
  it('declares each field type the way the table file needs it', () => {
    const context = resourceContext(invoice, dialect);
    expect(Object.fromEntries(context.fields.map((field) => [field.name, field.builder]))).toEqual({
      title: 'text("title").notNull()',
      amount: 'real("amount").notNull()',
      count: 'integer("count").notNull()',
      paid: 'integer("paid", { mode: "boolean" }).notNull().default(false)',
      dueAt: 'timestamp("due_at").notNull()',
      status: 'text("status", { enum: statusValues }).notNull()',
      note: 'text("note")',
    });
    expect(context.drizzleImports).toBe('index, integer, real, sqliteTable, text');
    expect(context.enumFields.map((field) => field.enumDeclaration)).toEqual(['']);
  });
});

function column(
  name: string,
  type: string,
  options: { primaryKey?: boolean; notNull?: boolean; default?: boolean | string } = {},
) {
  return {
    name,
    type,
    primaryKey: options.primaryKey ?? false,
    notNull: options.notNull ?? false,
    autoincrement: false,
    ...(options.default !== undefined ? { default: options.default } : {}),
  };
}
