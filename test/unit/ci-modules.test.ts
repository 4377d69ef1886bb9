import { describe, expect, it } from 'vitest';
import { MODULES } from '../../src/modules/registry.js';

describe('the CI modules', () => {
  const ci = MODULES.filter((module) => module.choice?.key === 'ci');

  it('describe, in `list`, tests against whichever database the project has', () => {
    expect(ci.map((module) => module.id).sort()).toEqual(['github', 'gitlab']);
    for (const { id, description } of ci) {
      expect(description, id).toContain('test against the database');
      expect(description, id).not.toMatch(/PostgreSQL|MySQL|SQLite/);
    }
  });
});
