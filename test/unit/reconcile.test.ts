import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { droppedFiles, reconcile } from '../../src/add/reconcile.js';
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

describe('droppedFiles', () => {
  const before = plan(
    new Map([
      ['src/app.ts', 'app\n'],
      ['src/old.ts', 'old\n'],
      ['src/edited.ts', 'generated\n'],
      ['src/deleted.ts', 'deleted\n'],
      ['drizzle/0000_init.sql', 'CREATE TABLE a();\n'],
    ]),
  );
  const after = plan(new Map([['src/app.ts', 'app, newer\n']]));
  const disk = new Map([
    ['src/app.ts', 'app\n'],
    ['src/old.ts', 'old\r\n'],
    ['src/edited.ts', 'mine\n'],
    ['drizzle/0000_init.sql', 'CREATE TABLE a();\n'],
  ]);
  const manifest: Manifest = {
    version: '0.0.0',
    name: 'app',
    packageManager: 'npm',
    options: DEFAULT_CHOICES,
    modules: [],
    files: { 'src/old.ts': hashContent('old\n'), 'src/edited.ts': hashContent('generated\n') },
  };

  it('deletes the files the newer templates dropped that the user never edited', () => {
    const dropped = droppedFiles({ manifest, read: (file) => disk.get(file) }, before, after);
    expect(dropped.deleted).toEqual([
      { path: 'src/old.ts', kind: 'delete', before: 'old\r\n', after: undefined },
    ]);
    expect(dropped.kept).toEqual(['src/edited.ts']);
    // Migrations are the project's history: never dropped.
    expect(dropped.untracked).toEqual(['src/old.ts', 'src/edited.ts', 'src/deleted.ts']);
  });
});
