import { describe, expect, it } from 'vitest';
import { rebaseAddition } from '../../src/add/rebase.js';
import { DEFAULT_CHOICES } from '../../src/options/schema.js';
import { MANIFEST_FILE, type Manifest } from '../../src/plan/manifest.js';
import type { Plan } from '../../src/plan/plan.js';

const previous: Manifest = {
  generator: 'create-backend-stack',
  version: '0.1.0',
  name: 'app',
  packageManager: 'npm',
  options: DEFAULT_CHOICES,
  modules: ['base'],
  files: {},
};

/** A plan of this (newer) version with the given files and a manifest listing `modules`. */
function plan(files: Record<string, string>, modules: string[]): Plan {
  const manifest = { ...previous, version: '0.2.0', modules };
  return {
    spec: { name: 'app', choices: DEFAULT_CHOICES, pm: 'npm', cliVersion: '0.2.0' },
    modules,
    files: [
      ...Object.entries(files).map(([path, content]) => ({ path, content })),
      { path: MANIFEST_FILE, content: JSON.stringify(manifest) },
    ],
  };
}

describe('rebaseAddition', () => {
  // The baseline is what 0.1.0 generated; 0.2.0 reworded app.ts's first line and added a file.
  const baseline = new Map([
    ['src/app.ts', 'one\ntwo\nthree\nfour\n'],
    ['README.md', 'old readme\n'],
  ]);
  const newer = {
    'src/app.ts': 'ONE\ntwo\nthree\nfour\n',
    'README.md': 'new readme\n',
    'CONTRIBUTING.md': 'new in 0.2.0\n',
  };
  const withRedis = {
    ...newer,
    'src/app.ts': 'ONE\ntwo\nthree\nfour\nredis\n',
    'src/redis.ts': 'client\n',
  };
  const { before, after } = rebaseAddition(
    baseline,
    plan(newer, ['base']),
    plan(withRedis, ['base', 'redis']),
    previous,
  );
  const content = (p: Plan, path: string) => p.files.find((file) => file.path === path)?.content;

  it("carries the module's changes over to the baseline's files", () => {
    expect(content(after, 'src/app.ts')).toBe('one\ntwo\nthree\nfour\nredis\n');
    expect(content(after, 'src/redis.ts')).toBe('client\n');
  });

  it('leaves the files the module does not touch as the baseline has them, or absent', () => {
    expect(content(after, 'README.md')).toBe('old readme\n');
    expect(content(before, 'CONTRIBUTING.md')).toBeUndefined();
    expect(content(after, 'CONTRIBUTING.md')).toBeUndefined();
  });

  it("keeps the project's version in the manifest", () => {
    const manifest = JSON.parse(content(after, MANIFEST_FILE) ?? '{}') as Manifest;
    expect(manifest.version).toBe('0.1.0');
    expect(manifest.modules).toEqual(['base', 'redis']);
    expect(Object.keys(manifest.files)).not.toContain('CONTRIBUTING.md');
  });
});
