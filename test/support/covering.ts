import { validCombinations } from '../../src/commands/list.js';
import { CHOICE_KEYS, type Choices } from '../../src/options/schema.js';

/** Every `strength`-sized set of (choice, value) a combination has, as text keys. */
export function tuplesOf(choices: Choices, strength: number): string[] {
  const parts = CHOICE_KEYS.map((key) => `${key}=${choices[key]}`);
  const tuples: string[] = [];
  const pick = (from: number, chosen: string[]) => {
    if (chosen.length === strength) {
      tuples.push(chosen.join('&'));
      return;
    }
    for (let i = from; i < parts.length; i++) pick(i + 1, [...chosen, parts[i] as string]);
  };
  pick(0, []);
  return tuples;
}

/**
 * A small set of valid combinations in which every `strength` values that valid projects can
 * have together appear together at least once (a covering array), chosen greedily and always
 * the same. Strength 2 is a pairwise set; 3 catches what three choices do to each other.
 */
export function coveringSet(strength: number, all: readonly Choices[] = validCombinations()) {
  const uncovered = new Set(all.flatMap((choices) => tuplesOf(choices, strength)));
  const candidates = all.map((choices) => ({ choices, tuples: tuplesOf(choices, strength) }));
  const chosen: Choices[] = [];
  while (uncovered.size > 0) {
    let best = candidates[0];
    let bestGain = -1;
    for (const candidate of candidates) {
      let gain = 0;
      for (const tuple of candidate.tuples) if (uncovered.has(tuple)) gain++;
      if (gain > bestGain) {
        best = candidate;
        bestGain = gain;
      }
    }
    if (!best || bestGain <= 0) break;
    chosen.push(best.choices);
    for (const tuple of best.tuples) uncovered.delete(tuple);
  }
  return chosen;
}

/**
 * The combinations the unit suite renders: every valid one with UNIT_MATRIX=all (as
 * `npm run test:matrix` sets it), otherwise a covering set of strength 3.
 */
export function renderedCombinations(): Choices[] {
  return process.env.UNIT_MATRIX === 'all' ? validCombinations() : coveringSet(3);
}
