import { createHash } from 'node:crypto';
import { addJournalEntry, type Journal, type JournalEntry } from '../edits/drizzle-journal.js';
import { CliError } from '../errors.js';
import type { Dialect, MigrationSnapshot } from './dialect.js';
import type { MigrationStep } from './schema.js';

/** The migrations a project already has: its journal and the snapshot of its latest one. */
export interface MigrationHistory {
  /** The journal file as it is, so adding entries keeps its formatting. */
  journalText: string;
  journal: Journal;
  /** The schema after its latest migration (drizzle-kit's snapshot), or none yet. */
  snapshot: MigrationSnapshot | undefined;
}

export const JOURNAL_PATH = 'drizzle/meta/_journal.json';

/** Where the journal's entry `tag` keeps its snapshot. */
export function snapshotPath(tag: string): string {
  return `drizzle/meta/${tag.split('_')[0]}_snapshot.json`;
}

// Migrations of a new project get fixed times, so a project is the same whenever it is
// generated; drizzle applies a migration when its time is after the last one applied.
const FIRST_MIGRATION_TIME = Date.UTC(2025, 0, 1);

/**
 * Append migrations to a project's history (none for a new project): for each step the SQL
 * from the previous schema, the new snapshot and the journal entry. Pure: `now` (for `add`)
 * dates new entries after every existing one, as drizzle-kit would.
 */
export function planMigrations(
  dialect: Dialect,
  history: MigrationHistory | undefined,
  steps: readonly MigrationStep[],
  now?: number,
): { path: string; content: string }[] {
  if (steps.length === 0) return [];
  const entries = [...(history?.journal.entries ?? [])];
  const added: JournalEntry[] = [];
  let schema = history?.snapshot ?? dialect.emptySnapshot();
  const files: { path: string; content: string }[] = [];

  for (const step of steps) {
    const idx = entries.length === 0 ? 0 : Math.max(...entries.map((e) => e.idx)) + 1;
    const tag = `${String(idx).padStart(4, '0')}_${step.name}`;
    const next = dialect.apply(schema, step.changes);
    const sql = dialect.sql(schema, next);
    const id = uuidFrom(`${schema.id}\n${tag}\n${sql}`);
    const last = entries.at(-1)?.when;
    const when =
      now === undefined ? FIRST_MIGRATION_TIME + idx * 60_000 : Math.max(now, (last ?? 0) + 1);
    const entry = { idx, version: schema.version, when, tag, breakpoints: true };
    entries.push(entry);
    added.push(entry);
    schema = { ...next, id, prevId: schema.id };
    files.push({ path: `drizzle/${tag}.sql`, content: sql });
    files.push({ path: snapshotPath(tag), content: `${JSON.stringify(schema, null, 2)}\n` });
  }

  const journal = history
    ? added.reduce((text, entry) => addJournalEntry(entry)(text), history.journalText)
    : `${JSON.stringify({ version: '7', dialect: dialect.drizzle, entries }, null, 2)}\n`;
  files.push({ path: JOURNAL_PATH, content: journal });
  return files;
}

/**
 * Read a project's migration history from its files (`read` returns undefined for a missing
 * file). No journal means no migrations yet.
 */
export async function readMigrationHistory(
  read: (path: string) => Promise<string | undefined>,
): Promise<MigrationHistory | undefined> {
  const journalText = await read(JOURNAL_PATH);
  if (journalText === undefined) return undefined;
  const journal = parseJson<Journal>(journalText, JOURNAL_PATH);
  const latest = journal.entries.at(-1);
  if (!latest) return { journalText, journal, snapshot: undefined };
  const path = snapshotPath(latest.tag);
  const snapshotText = await read(path);
  if (snapshotText === undefined) {
    throw new CliError(
      `${path} is missing, so the database schema is unknown; run the project's db:generate script and try again.`,
    );
  }
  return { journalText, journal, snapshot: parseJson<MigrationSnapshot>(snapshotText, path) };
}

function parseJson<T>(text: string, path: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new CliError(`${path} is not valid JSON; fix it (or restore it from git) and try again.`);
  }
}

/** A UUID (version 4 layout) derived from content, so the same history gives the same ids. */
function uuidFrom(content: string): string {
  const hex = createHash('sha256').update(content).digest('hex').slice(0, 32).split('');
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
