import { describe, expect, it } from 'vitest';
import { validCombinations } from '../../src/commands/list.js';
import { brokenRule, isAllowed } from '../../src/options/rules.js';

describe('compatibility rules', () => {
  it.each([
    [{ auth: 'jwt', database: 'none' }, 'jwt-needs-database'],
    [{ auth: 'jwt', database: 'postgres' }, undefined],
    [{ auth: 'none', database: 'none' }, undefined],
    // A rule is not judged until everything it reads is known.
    [{ auth: 'jwt' }, undefined],
    [{ database: 'none' }, undefined],
  ] as const)('%j breaks %s', (known, rule) => {
    expect(brokenRule(known)?.id).toBe(rule);
  });

  it('filters values against what is already known', () => {
    expect(isAllowed({ database: 'none' }, 'auth', 'jwt')).toBe(false);
    expect(isAllowed({ database: 'none' }, 'auth', 'none')).toBe(true);
    expect(isAllowed({ auth: 'jwt' }, 'database', 'none')).toBe(false);
    expect(isAllowed({}, 'auth', 'jwt')).toBe(true);
  });

  it('enumerates every valid combination and only those', () => {
    const combinations = validCombinations();
    // 4 frameworks × (4 databases × 3 auths, minus jwt and better-auth without a database)
    // × 2 caches × 5 deploys × 3 CIs × 2 observabilities.
    expect(combinations).toHaveLength(2400);
    expect(combinations.some((c) => c.auth !== 'none' && c.database === 'none')).toBe(false);
    expect(new Set(combinations.map((c) => JSON.stringify(c))).size).toBe(2400);
  });
});
