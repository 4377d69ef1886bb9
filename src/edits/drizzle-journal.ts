import { editJson } from './json.js';

/** One migration in drizzle-kit's `drizzle/meta/_journal.json`. */
export interface JournalEntry {
  idx: number;
  version: string;
  when: number;
  tag: string;
  breakpoints: boolean;
}

/** drizzle-kit's `drizzle/meta/_journal.json`. */
export interface Journal {
  version: string;
  dialect: string;
  entries: JournalEntry[];
}

/**
 * Register a migration in drizzle-kit's journal, in index order. A journal that already lists
 * the migration's tag is returned unchanged.
 */
export function addJournalEntry(entry: JournalEntry): (content: string) => string {
  return (content) =>
    editJson<Journal>(content, (journal) => {
      if (journal.entries.some((existing) => existing.tag === entry.tag)) return undefined;
      const entries = [...journal.entries, entry].sort((a, b) => a.idx - b.idx);
      return { ...journal, entries };
    });
}
