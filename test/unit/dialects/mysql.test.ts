import { describe, expect, it } from 'vitest';
import { JOURNAL_PATH, planMigrations } from '../../../src/migrations/migrations.js';
import type { MigrationStep } from '../../../src/migrations/schema.js';
import { jwt } from '../../../src/modules/jwt.js';
import { mysqlDialect as dialect } from '../../../src/modules/mysql/dialect.js';
import { column, emptySnapshot, type Snapshot } from '../../../src/modules/mysql/snapshot.js';
import { migrationSql } from '../../../src/modules/mysql/sql.js';
import { checkServerBeforeTests } from '../../../src/modules/mysql/vitest-config.js';
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

// The expected SQL and snapshots are what drizzle-kit 0.31 writes for the same table files
// (`db:generate` on a generated project), except where noted: drizzle-kit names no character
// set and puts foreign keys before indexes.

const NOW = '(utc_timestamp(3))';
const todo = defineResource(TODO);

describe('MySQL migrations', () => {
  it('starts a new project with auth, then todos owned by a user', () => {
    const files = initialFiles(dialect, 'mysql', true, [todo]);
    expect([...files.keys()]).toEqual([
      'drizzle/0000_auth.sql',
      'drizzle/meta/0000_snapshot.json',
      'drizzle/0001_todos.sql',
      'drizzle/meta/0001_snapshot.json',
      JOURNAL_PATH,
    ]);
    expect(statements(files.get('drizzle/0000_auth.sql'))).toEqual([
      "CREATE TABLE `users` (\n\t`id` varchar(36) NOT NULL,\n\t`email` varchar(254) NOT NULL,\n\t`password_hash` varchar(255) NOT NULL,\n\t`role` enum('user','admin') NOT NULL DEFAULT 'user',\n\t`created_at` datetime(3) NOT NULL DEFAULT (utc_timestamp(3)),\n\t`updated_at` datetime(3) NOT NULL DEFAULT (utc_timestamp(3)),\n\tCONSTRAINT `users_id` PRIMARY KEY(`id`),\n\tCONSTRAINT `users_email_unique` UNIQUE(`email`)\n) DEFAULT CHARSET=utf8mb4;\n",
      'CREATE TABLE `refresh_tokens` (\n\t`id` varchar(36) NOT NULL,\n\t`user_id` varchar(36) NOT NULL,\n\t`family_id` varchar(36) NOT NULL,\n\t`token_hash` varchar(64) NOT NULL,\n\t`expires_at` datetime(3) NOT NULL,\n\t`revoked_at` datetime(3),\n\t`created_at` datetime(3) NOT NULL DEFAULT (utc_timestamp(3)),\n\tCONSTRAINT `refresh_tokens_id` PRIMARY KEY(`id`),\n\tCONSTRAINT `refresh_tokens_token_hash_unique` UNIQUE(`token_hash`)\n) DEFAULT CHARSET=utf8mb4;\n',
      'CREATE INDEX `users_created_at_id_idx` ON `users` (`created_at`,`id`);',
      'CREATE INDEX `refresh_tokens_family_id_idx` ON `refresh_tokens` (`family_id`);',
      'CREATE INDEX `refresh_tokens_user_id_idx` ON `refresh_tokens` (`user_id`);',
      'ALTER TABLE `refresh_tokens` ADD CONSTRAINT `refresh_tokens_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;',
    ]);
    expect(statements(files.get('drizzle/0001_todos.sql'))).toEqual([
      'CREATE TABLE `todos` (\n\t`id` varchar(36) NOT NULL,\n\t`owner_id` varchar(36) NOT NULL,\n\t`title` varchar(255) NOT NULL,\n\t`done` boolean NOT NULL DEFAULT false,\n\t`created_at` datetime(3) NOT NULL DEFAULT (utc_timestamp(3)),\n\t`updated_at` datetime(3) NOT NULL DEFAULT (utc_timestamp(3)),\n\tCONSTRAINT `todos_id` PRIMARY KEY(`id`)\n) DEFAULT CHARSET=utf8mb4;\n',
      'CREATE INDEX `todos_owner_id_created_at_id_idx` ON `todos` (`owner_id`,`created_at`,`id`);',
      'ALTER TABLE `todos` ADD CONSTRAINT `todos_owner_id_users_id_fk` FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;',
    ]);

    const first = snapshotOf<Snapshot>(files, 'drizzle/meta/0000_snapshot.json');
    const second = snapshotOf<Snapshot>(files, 'drizzle/meta/0001_snapshot.json');
    expect(first).toMatchObject({
      version: '5',
      dialect: 'mysql',
      prevId: '00000000-0000-0000-0000-000000000000',
      views: {},
      _meta: { schemas: {}, tables: {}, columns: {} },
      internal: { tables: {}, indexes: {} },
    });
    expect(second.prevId).toBe(first.id);
    expect(first.tables.users?.columns.role).toEqual({
      name: 'role',
      type: "enum('user','admin')",
      primaryKey: false,
      notNull: true,
      autoincrement: false,
      default: "'user'",
    });
    expect(first.tables.users?.uniqueConstraints).toEqual({
      users_email_unique: { name: 'users_email_unique', columns: ['email'] },
    });
    expect(second.tables.todos).toEqual({
      name: 'todos',
      columns: {
        id: column('id', 'varchar(36)', { notNull: true }),
        owner_id: column('owner_id', 'varchar(36)', { notNull: true }),
        title: column('title', 'varchar(255)', { notNull: true }),
        done: column('done', 'boolean', { notNull: true, default: false }),
        created_at: column('created_at', 'datetime(3)', { notNull: true, default: NOW }),
        updated_at: column('updated_at', 'datetime(3)', { notNull: true, default: NOW }),
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
      compositePrimaryKeys: { todos_id: { name: 'todos_id', columns: ['id'] } },
      uniqueConstraints: {},
      checkConstraint: {},
    });
    const journal = JSON.parse(files.get(JOURNAL_PATH) ?? '');
    expect(journal).toMatchObject({ version: '7', dialect: 'mysql' });
    expect(journal.entries.map((entry: { version: string }) => entry.version)).toEqual(['5', '5']);
  });

  it('adds a resource with every field type, dated now', async () => {
    const start = initialFiles(dialect, 'mysql', false, [todo]);
    const now = Date.UTC(2026, 10, 21);
    const step: MigrationStep = {
      name: 'invoices',
      changes: [createResourceTable(invoice, false)],
    };
    const added = fileMap(planMigrations(dialect, await history(start), [step], now));
    expect(statements(added.get('drizzle/0001_invoices.sql'))).toEqual([
      "CREATE TABLE `invoices` (\n\t`id` varchar(36) NOT NULL,\n\t`title` varchar(255) NOT NULL,\n\t`amount` double NOT NULL,\n\t`count` int NOT NULL,\n\t`paid` boolean NOT NULL DEFAULT false,\n\t`due_at` datetime(3) NOT NULL,\n\t`status` enum('draft','sent','paid') NOT NULL,\n\t`note` text,\n\t`created_at` datetime(3) NOT NULL DEFAULT (utc_timestamp(3)),\n\t`updated_at` datetime(3) NOT NULL DEFAULT (utc_timestamp(3)),\n\tCONSTRAINT `invoices_id` PRIMARY KEY(`id`)\n) DEFAULT CHARSET=utf8mb4;\n",
      'CREATE INDEX `invoices_created_at_id_idx` ON `invoices` (`created_at`,`id`);',
    ]);
    expect(JSON.parse(added.get(JOURNAL_PATH) ?? '').entries.at(-1)).toEqual({
      idx: 1,
      version: '5',
      when: now,
      tag: '0001_invoices',
      breakpoints: true,
    });
    const snapshot = snapshotOf<Snapshot>(added, 'drizzle/meta/0001_snapshot.json');
    expect(Object.keys(snapshot.tables)).toEqual(['todos', 'invoices']);
  });

  it('writes the column code of every field type, and validates dates to what DATETIME holds', () => {
    const context = resourceContext(invoice, dialect);
    expect(context.fields.map((field) => field.builder)).toEqual([
      'varchar("title", { length: 255 }).notNull()',
      'double("amount").notNull()',
      'int("count").notNull()',
      'boolean("paid").notNull().default(false)',
      'utcDatetime("due_at").notNull()',
      'mysqlEnum("status", statusValues).notNull()',
      'text("note")',
    ]);
    expect(context.fields.map((field) => field.enumDeclaration).filter(Boolean)).toEqual([]);
    expect(context.drizzleImports).toBe(
      'boolean, double, index, int, mysqlEnum, mysqlTable, text, varchar',
    );
    expect(context.fields.find((field) => field.name === 'dueAt')?.input).toBe('storedDate');
    expect(context.inputImports).toEqual(['import { storedDate } from "../../core/dates.js";']);
    expect(resourceContext(todo, dialect).inputImports).toEqual([]);
  });

  it('gives resources an owner when auth comes later', async () => {
    const start = initialFiles(dialect, 'mysql', false, [todo]);
    const auth = jwt.migration?.({
      choices: choicesOn('mysql', true),
      resources: [todo],
    }) as MigrationStep;
    const added = fileMap(planMigrations(dialect, await history(start), [auth], 1));
    expect(statements(added.get('drizzle/0001_auth.sql')).slice(2)).toEqual([
      'DROP INDEX `todos_created_at_id_idx` ON `todos`;',
      'ALTER TABLE `todos` ADD `owner_id` varchar(36) NOT NULL;',
      'CREATE INDEX `users_created_at_id_idx` ON `users` (`created_at`,`id`);',
      'CREATE INDEX `refresh_tokens_family_id_idx` ON `refresh_tokens` (`family_id`);',
      'CREATE INDEX `refresh_tokens_user_id_idx` ON `refresh_tokens` (`user_id`);',
      'CREATE INDEX `todos_owner_id_created_at_id_idx` ON `todos` (`owner_id`,`created_at`,`id`);',
      'ALTER TABLE `refresh_tokens` ADD CONSTRAINT `refresh_tokens_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;',
      'ALTER TABLE `todos` ADD CONSTRAINT `todos_owner_id_users_id_fk` FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;',
    ]);
    // The same tables as a project created with auth has, so db:generate sees no change.
    const created = snapshotOf<Snapshot>(
      initialFiles(dialect, 'mysql', true, [todo]),
      'drizzle/meta/0001_snapshot.json',
    );
    const grown = snapshotOf<Snapshot>(added, 'drizzle/meta/0001_snapshot.json');
    expect(grown.tables).toEqual(created.tables);
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

  it('keeps every name it writes within MySQL’s 64 characters, for the longest resource name', () => {
    const longest = defineResource({
      name: 'abcdefghij-abcdefg-x',
      fields: 'abcdefghijabcdefghij:string',
    });
    const schema = dialect.apply(
      dialect.apply(
        emptySnapshot(),
        jwt.migration?.({ choices: choicesOn('mysql', true), resources: [] }).changes ?? [],
      ),
      [createResourceTable(longest, true)],
    );
    const names = Object.values(schema.tables).flatMap((table) => [
      table.name,
      ...Object.keys(table.columns),
      ...Object.keys(table.indexes),
      ...Object.keys(table.foreignKeys),
      ...Object.keys(table.compositePrimaryKeys),
      ...Object.keys(table.uniqueConstraints),
    ]);
    expect(names.some((name) => name.startsWith('abcdefghij_abcdefg_xes'))).toBe(true);
    expect(names.filter((name) => name.length > 64)).toEqual([]);
  });
});

describe('the MySQL check in vitest.config.ts', () => {
  const config = [
    'export default defineConfig({',
    '  test: {',
    '    // The test files of a worker run one after another in one process, so they can share its',
    '    // embedded database (see test/helpers/database.ts) instead of each starting their own.',
    '    isolate: false,',
    '    testTimeout: 15_000,',
    '  },',
    '});',
    '',
  ].join('\n');

  it('adds the global setup once', () => {
    const edited = checkServerBeforeTests.apply(config);
    expect(edited).toContain('    globalSetup: ["./test/global-setup.ts"],\n');
    expect(edited).not.toContain('embedded');
    expect(checkServerBeforeTests.apply(edited)).toBe(edited);
  });

  it('refuses a config it does not recognise rather than leave the tests unchecked', () => {
    expect(() => checkServerBeforeTests.apply('export default {};\n')).toThrow(/isolate/);
  });
});
