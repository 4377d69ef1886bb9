import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../src/add/reconcile.js';
import { DEFAULT_CHOICES } from '../../src/options/schema.js';
import { hashContent, type Manifest } from '../../src/plan/manifest.js';
import type { Plan } from '../../src/plan/plan.js';

// Each case under test/fixtures/reconcile/<case>/ holds the project as generated before the
// addition (`before/`), as it would be generated with it (`after/`), the user's edits on disk
// over `before/` (`disk/`, and `deleted.txt` listing files the user removed), and what
// reconcile must do: `changes.txt` (one `<kind> <path>` per
// change) and the resulting files (`expected/`).
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/reconcile');

async function filesUnder(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = new Map<string, string>();
  for (const entry of entries.filter((e) => e.isFile())) {
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full).split(path.sep).join('/'), await readFile(full, 'utf8'));
  }
  return files;
}

function plan(files: Map<string, string>): Plan {
  return {
    spec: { name: 'app', choices: DEFAULT_CHOICES, pm: 'npm', cliVersion: '0.0.0' },
    modules: [],
    files: [...files].map(([filePath, content]) => ({ path: filePath, content })),
  };
}

describe('reconcile fixtures', async () => {
  for (const name of (await readdir(FIXTURES)).sort()) {
    it(name.replaceAll('-', ' '), async () => {
      const dir = path.join(FIXTURES, name);
      const [before, after, edits, expected] = await Promise.all(
        ['before', 'after', 'disk', 'expected'].map((side) => filesUnder(path.join(dir, side))),
      );
      const disk = new Map([...(before ?? []), ...(edits ?? [])]);
      const deleted = await readFile(path.join(dir, 'deleted.txt'), 'utf8').catch(() => '');
      for (const file of deleted.split('\n').filter(Boolean)) disk.delete(file);
      const manifest: Manifest = {
        version: '0.0.0',
        name: 'app',
        packageManager: 'npm',
        options: DEFAULT_CHOICES,
        modules: [],
        files: Object.fromEntries(
          [...(before ?? [])].map(([file, content]) => [file, hashContent(content)]),
        ),
      };
      const changes = reconcile(
        { manifest, read: (file) => disk.get(file) },
        plan(before ?? new Map()),
        plan(after ?? new Map()),
      );

      const listed = (await readFile(path.join(dir, 'changes.txt'), 'utf8')).trim();
      expect(changes.map((change) => `${change.kind} ${change.path}`).join('\n')).toBe(listed);
      for (const change of changes) {
        expect(change.after, change.path).toBe(expected?.get(change.path));
        expect(change.before, change.path).toBe(disk.get(change.path));
      }
    });
  }
});
