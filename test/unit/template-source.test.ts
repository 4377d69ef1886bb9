import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateGroup } from '../../src/plan/precompiled.js';
import { readLayers } from '../../src/plan/template-source.js';
import { tempDir } from '../support/context.js';

describe('templateGroup', () => {
  it.each([
    ['jwt', 'jwt'],
    ['jwt/postgres', 'jwt'],
    ['jwt/src/modules/users/users.service.ts.hbs', 'jwt'],
    ['frameworks/express/jwt', 'frameworks/express/jwt'],
    ['frameworks/express/jwt/postgres', 'frameworks/express/jwt'],
    ['frameworks/hand-wired/database/src/container.ts.hbs', 'frameworks/hand-wired/database'],
  ])('puts %s in the module folder %s', (layer, group) => {
    expect(templateGroup(layer)).toBe(group);
  });
});

describe('readLayers', () => {
  it("reads a layer without its sublayers' directories, and each sublayer on its own", async () => {
    const root = await tempDir();
    for (const file of [
      'mod/src/a.ts',
      'mod/src/postgres/kept.ts',
      'mod/postgres/src/b.ts',
      'mod/sqlite/src/c.ts',
    ]) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), file);
    }
    const layers = await readLayers(
      ['mod', 'mod/postgres', 'absent'],
      root,
      new Set(['postgres', 'sqlite']),
    );
    const paths = (layer: string) => layers.get(layer)?.map((file) => file.path);
    expect(paths('mod')).toEqual(['src/a.ts', 'src/postgres/kept.ts']);
    expect(paths('mod/postgres')).toEqual(['src/b.ts']);
    expect(paths('absent')).toEqual([]);
  });
});
