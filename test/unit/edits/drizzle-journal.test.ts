import { describe, expect, it } from 'vitest';
import { addJournalEntry } from '../../../src/edits/drizzle-journal.js';

const entry = { idx: 1, version: '7', when: 2, tag: '0001_auth', breakpoints: true };

const before = `{
  "version": "7",
  "dialect": "postgresql",
  "entries": [
    {
      "idx": 0,
      "version": "7",
      "when": 1,
      "tag": "0000_init",
      "breakpoints": true
    }
  ]
}`;

const after = `{
  "version": "7",
  "dialect": "postgresql",
  "entries": [
    {
      "idx": 0,
      "version": "7",
      "when": 1,
      "tag": "0000_init",
      "breakpoints": true
    },
    {
      "idx": 1,
      "version": "7",
      "when": 2,
      "tag": "0001_auth",
      "breakpoints": true
    }
  ]
}`;

describe('addJournalEntry', () => {
  it('appends the migration', () => {
    expect(addJournalEntry(entry)(before)).toBe(after);
  });

  it('is idempotent: an applied entry leaves the file byte for byte', () => {
    expect(addJournalEntry(entry)(after)).toBe(after);
  });

  it('keeps the file’s indentation and final newline', () => {
    const tabs = `${before.replaceAll('  ', '\t')}\n`;
    expect(addJournalEntry(entry)(tabs)).toBe(`${after.replaceAll('  ', '\t')}\n`);
  });

  it('keeps entries in index order when a user migration came first', () => {
    const user = { ...entry, idx: 2, tag: '0002_user', when: 3 };
    const withUser = addJournalEntry(user)(before);
    const tags = JSON.parse(addJournalEntry(entry)(withUser)).entries.map(
      (e: { tag: string }) => e.tag,
    );
    expect(tags).toEqual(['0000_init', '0001_auth', '0002_user']);
  });
});
