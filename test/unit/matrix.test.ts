import { describe, expect, it } from 'vitest';
import { validCombinations } from '../../src/commands/list.js';
import { CHOICE_KEYS, type Choices } from '../../src/options/schema.js';
import { CI_MATRIX } from '../e2e/matrix.js';

/** Every pair of (choice, value) a combination has, as `key=value&key=value`. */
function pairsOf(choices: Choices): string[] {
  const parts = CHOICE_KEYS.map((key) => `${key}=${choices[key]}`);
  return parts.flatMap((a, i) => parts.slice(i + 1).map((b) => `${a}&${b}`));
}

describe('the end-to-end matrix .ci/run proves', () => {
  it('covers every pair of values that a valid project can have together', () => {
    const needed = new Set(validCombinations().flatMap(pairsOf));
    const covered = new Set(CI_MATRIX.flatMap(({ choices }) => pairsOf(choices)));
    expect([...needed].filter((pair) => !covered.has(pair))).toEqual([]);
  });

  it('holds only valid combinations, each once', () => {
    const valid = new Set(validCombinations().map((choices) => JSON.stringify(choices)));
    const rows = CI_MATRIX.map(({ choices }) => JSON.stringify(choices));
    for (const row of rows) expect(valid.has(row), row).toBe(true);
    expect(new Set(rows).size).toBe(rows.length);
  });
});
