import { describe, expect, it } from 'vitest';
import { JOURNAL_PATH, planMigrations } from '../../src/migrations/migrations.js';
import type { MigrationStep } from '../../src/migrations/schema.js';
import { jwt } from '../../src/modules/jwt.js';
import { postgresDialect } from '../../src/modules/postgres/dialect.js';
import { emptySnapshot, type Snapshot } from '../../src/modules/postgres/snapshot.js';
import { migrationSql } from '../../src/modules/postgres/sql.js';
import { DEFAULT_CHOICES } from '../../src/options/schema.js';
import { migrationSteps } from '../../src/plan/migration-steps.js';
import { defineResource, type Resource, TODO } from '../../src/resources/resource.js';
import { createResourceTable } from '../../src/resources/table.js';
import { fileMap, history } from './dialects/migration-files.js';

const dialect = postgresDialect;

/** A new project's migrations, with or without accounts. */
function initialMigrationSteps(auth: boolean, resources: readonly Resource[]): MigrationStep[] {
  return migrationSteps(undefined, {
    name: 'app',
    pm: 'npm',
    cliVersion: '0.0.0',
    choices: { ...DEFAULT_CHOICES, auth: auth ? 'jwt' : 'none' },
    resources: resources.map((resource) => resource.record),
  });
}

const resourceStep = (resource: Resource, owned: boolean): MigrationStep => ({
  name: resource.names.table,
  changes: [createResourceTable(resource, owned)],
});

const authStep = (resources: readonly Resource[]): MigrationStep | undefined =>
  jwt.migration?.({ choices: DEFAULT_CHOICES, resources });

const withResource = (schema: Snapshot, resource: Resource, owned: boolean) =>
  dialect.apply(schema, [createResourceTable(resource, owned)]);

const todo = defineResource(TODO);
const invoice = defineResource({
  name: 'invoice',
  fields: 'amount:number,status:enum(draft|paid)?',
});

describe('planMigrations', () => {
  it('starts a new project with auth, then each resource owned by a user', () => {
    const files = fileMap(planMigrations(dialect, undefined, initialMigrationSteps(true, [todo])));
    expect([...files.keys()]).toEqual([
      'drizzle/0000_auth.sql',
      'drizzle/meta/0000_snapshot.json',
      'drizzle/0001_todos.sql',
      'drizzle/meta/0001_snapshot.json',
      JOURNAL_PATH,
    ]);
    const auth = files.get('drizzle/0000_auth.sql') ?? '';
    expect(auth.split('--> statement-breakpoint\n')[0]).toBe(
      `CREATE TYPE "public"."user_role" AS ENUM('user', 'admin');`,
    );
    expect(auth).toContain('CONSTRAINT "users_email_unique" UNIQUE("email")');
    expect(files.get('drizzle/0001_todos.sql')).toBe(
      [
        'CREATE TABLE "todos" (\n\t"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,\n\t"owner_id" uuid NOT NULL,\n\t"title" text NOT NULL,\n\t"done" boolean DEFAULT false NOT NULL,\n\t"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,\n\t"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL\n);\n',
        'ALTER TABLE "todos" ADD CONSTRAINT "todos_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;',
        'CREATE INDEX "todos_owner_id_created_at_id_idx" ON "todos" USING btree ("owner_id","created_at","id");',
      ].join('--> statement-breakpoint\n'),
    );
    const journal = JSON.parse(files.get(JOURNAL_PATH) ?? '');
    expect(journal.entries).toEqual([
      { idx: 0, version: '7', when: 1735689600000, tag: '0000_auth', breakpoints: true },
      { idx: 1, version: '7', when: 1735689660000, tag: '0001_todos', breakpoints: true },
    ]);
    const first = JSON.parse(files.get('drizzle/meta/0000_snapshot.json') ?? '');
    const second = JSON.parse(files.get('drizzle/meta/0001_snapshot.json') ?? '');
    expect(first.prevId).toBe('00000000-0000-0000-0000-000000000000');
    expect(second.prevId).toBe(first.id);
    expect(second.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('is deterministic: the same history gives the same files', () => {
    const steps = initialMigrationSteps(false, [todo, invoice]);
    expect(planMigrations(dialect, undefined, steps)).toEqual(
      planMigrations(dialect, undefined, steps),
    );
  });

  it('appends to a history, dated now, keeping the journal as the user formatted it', async () => {
    const start = fileMap(planMigrations(dialect, undefined, initialMigrationSteps(false, [todo])));
    start.set(JOURNAL_PATH, (start.get(JOURNAL_PATH) ?? '').replaceAll('  ', '\t'));
    const now = Date.UTC(2026, 10, 21);
    const added = fileMap(
      planMigrations(dialect, await history(start), [resourceStep(invoice, false)], now),
    );
    const journal = added.get(JOURNAL_PATH) ?? '';
    expect(journal).toContain('\t"entries"');
    expect(JSON.parse(journal).entries.at(-1)).toEqual({
      idx: 1,
      version: '7',
      when: now,
      tag: '0001_invoices',
      breakpoints: true,
    });
    expect(added.get('drizzle/0001_invoices.sql')).toContain(
      `CREATE TYPE "public"."invoice_status" AS ENUM('draft', 'paid');`,
    );
    const snapshot = JSON.parse(added.get('drizzle/meta/0001_snapshot.json') ?? '') as Snapshot;
    expect(Object.keys(snapshot.tables)).toEqual(['public.todos', 'public.invoices']);
  });

  it('gives resources an owner when auth comes later', async () => {
    const start = fileMap(planMigrations(dialect, undefined, initialMigrationSteps(false, [todo])));
    const added = fileMap(
      planMigrations(dialect, await history(start), [authStep([todo]) as MigrationStep], 1),
    );
    expect(added.get('drizzle/0001_auth.sql')).toContain(
      [
        'DROP INDEX "todos_created_at_id_idx";',
        'ALTER TABLE "todos" ADD COLUMN "owner_id" uuid NOT NULL;',
      ].join('--> statement-breakpoint\n'),
    );
  });

  it('refuses a resource whose table or enum type the schema already has', () => {
    const schema = withResource(emptySnapshot(), invoice, false);
    expect(() => withResource(schema, invoice, false)).toThrow(
      /already has a table "invoices", so resource "invoice" cannot create it/,
    );
    // The enum type left behind by a table that is gone still takes its name.
    expect(() => withResource({ ...schema, tables: {} }, invoice, false)).toThrow(
      /already has a type "invoice_status", so resource "invoice" cannot create it/,
    );
  });

  it('names the resource to rename when an added module needs its table', () => {
    const spec = (auth: string) => ({
      name: 'demo',
      choices: { ...DEFAULT_CHOICES, auth },
      pm: 'npm' as const,
      cliVersion: '0.0.0',
      resources: [TODO, { name: 'account', fields: 'title:string' }],
    });
    expect(() => migrationSteps(spec('none'), spec('better-auth'))).toThrow(
      'The account resource\'s table "accounts" is one better-auth needs: rename or remove that resource (src/modules/accounts and its entry in create-backend.json) first.',
    );
  });

  it('never writes a migration that drops what exists', () => {
    const schema = withResource(emptySnapshot(), todo, false);
    expect(() => migrationSql(schema, emptySnapshot())).toThrow(/would drop table public.todos/);
  });
});

describe('readMigrationHistory', () => {
  it('is empty without a journal', async () => {
    expect(await history(new Map())).toBeUndefined();
  });

  it('explains a missing snapshot or a broken journal', async () => {
    const start = fileMap(planMigrations(dialect, undefined, initialMigrationSteps(false, [todo])));
    start.delete('drizzle/meta/0000_snapshot.json');
    await expect(history(start)).rejects.toThrow(
      /drizzle\/meta\/0000_snapshot.json is missing, so the database schema is unknown/,
    );
    await expect(history(new Map([[JOURNAL_PATH, '{']]))).rejects.toThrow(
      /_journal.json is not valid JSON/,
    );
  });
});
