import { describe, expect, it } from 'vitest';
import { validCombinations } from '../../src/commands/list.js';
import { modulesFor } from '../../src/modules/registry.js';
import {
  CHOICE_KEYS,
  type Choices,
  choiceValues,
  PACKAGE_MANAGERS,
} from '../../src/options/schema.js';
import { nodeEngines, projectDependencies } from '../../src/plan/package-json.js';
import { CI_MATRIX, minimumMajor } from '../e2e/matrix.js';
import { NODE_MAJORS } from '../e2e/support/toolchains.js';
import { coveringSet, tuplesOf } from '../support/covering.js';

// Deploy targets add files but no code that runs: the end-to-end set covers the pairs of the
// other choices, and spreads the deploy targets (see test/e2e/matrix.ts).
const pairsOf = (choices: Choices) =>
  tuplesOf({ ...choices, deploy: '' }, 2).filter((pair) => !pair.includes('deploy='));

describe('covering sets', () => {
  it.each([2, 3])(
    'of strength %i hold every tuple of values valid projects have together',
    (strength) => {
      const set = coveringSet(strength);
      const needed = new Set(validCombinations().flatMap((c) => tuplesOf(c, strength)));
      const covered = new Set(set.flatMap((c) => tuplesOf(c, strength)));
      expect([...needed].filter((tuple) => !covered.has(tuple))).toEqual([]);
      // Near the least possible: the product of the `strength` largest numbers of values.
      const sizes = CHOICE_KEYS.map((key) => choiceValues(key).length).sort((a, b) => b - a);
      const least = sizes.slice(0, strength).reduce((product, size) => product * size, 1);
      expect(set.length).toBeLessThanOrEqual(2 * least);
    },
  );
});

describe('the end-to-end matrix .ci/run proves', () => {
  it('covers every pair of values but deploy targets that a valid project can have together', () => {
    const needed = new Set(validCombinations().flatMap(pairsOf));
    const covered = new Set(CI_MATRIX.flatMap(({ choices }) => pairsOf(choices)));
    expect([...needed].filter((pair) => !covered.has(pair))).toEqual([]);
  });

  it('has each deploy target with three frameworks and three databases or more', () => {
    for (const deploy of choiceValues('deploy')) {
      const rows = CI_MATRIX.filter(({ choices }) => choices.deploy === deploy);
      expect(new Set(rows.map(({ choices }) => choices.framework)).size, deploy).toBeGreaterThan(
        deploy === 'none' ? 0 : 2,
      );
      expect(new Set(rows.map(({ choices }) => choices.database)).size, deploy).toBeGreaterThan(
        deploy === 'none' ? 0 : 2,
      );
    }
  });

  it('holds only valid combinations, each once', () => {
    const valid = new Set(validCombinations().map((choices) => JSON.stringify(choices)));
    const rows = CI_MATRIX.map(({ choices }) => JSON.stringify(choices));
    for (const row of rows) expect(valid.has(row), row).toBe(true);
    expect(new Set(rows).size).toBe(rows.length);
  });

  it('runs every package manager with every framework, database and Node.js line', () => {
    const pairs = (a: string, b: string) =>
      new Set(
        CI_MATRIX.map(({ choices, toolchain }) => {
          const row: Record<string, string> = {
            ...choices,
            pm: toolchain.pm,
            node: String(toolchain.node),
          };
          return `${row[a]}+${row[b]}`;
        }),
      );
    const frameworks = choiceValues('framework');
    const databases = choiceValues('database');
    const lines = NODE_MAJORS.map(String);
    for (const pm of PACKAGE_MANAGERS) {
      for (const framework of frameworks)
        expect(pairs('pm', 'framework')).toContain(`${pm}+${framework}`);
      for (const database of databases)
        expect(pairs('pm', 'database')).toContain(`${pm}+${database}`);
      for (const line of lines) expect(pairs('pm', 'node')).toContain(`${pm}+${line}`);
    }
    for (const line of lines) {
      for (const database of databases)
        expect(pairs('database', 'node')).toContain(`${database}+${line}`);
    }
  });

  it('runs each project on Node.js lines it declares, and each framework on every one of them', () => {
    for (const { name, choices, toolchain } of CI_MATRIX) {
      const declared = nodeEngines(projectDependencies(choices, modulesFor(choices)));
      expect(minimumMajor(declared), name).toBeLessThanOrEqual(toolchain.node);
    }
    for (const framework of choiceValues('framework')) {
      const rows = CI_MATRIX.filter(({ choices }) => choices.framework === framework);
      const lowest = Math.min(
        ...rows.map(({ choices }) =>
          minimumMajor(nodeEngines(projectDependencies(choices, modulesFor(choices)))),
        ),
      );
      const expected = NODE_MAJORS.filter((line) => line >= lowest);
      expect(new Set(rows.map(({ toolchain }) => toolchain.node)), framework).toEqual(
        new Set(expected),
      );
    }
  });
});
