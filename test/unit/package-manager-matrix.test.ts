import { describe, expect, it } from 'vitest';
import { everyPackageManagerRow } from '../e2e/support/package-manager-matrix.js';
import { satisfiesNode } from '../e2e/support/toolchains.js';

describe('the package manager rows of the full matrix', () => {
  it('with E2E_MATRIX=all, are every combination a project declares it runs on', () => {
    // NestJS and Fastify need Node.js 22.12: four package managers times three lines times
    // four frameworks, less NestJS and Fastify on Node.js 20 with each package manager.
    expect(everyPackageManagerRow()).toHaveLength(4 * 3 * 4 - 2 * 4);
  });
});

describe('satisfiesNode', () => {
  it.each([
    ['20.20.2', '^20.19.0 || >=22.12.0', true],
    ['20.18.3', '^20.19.0 || >=22.12.0', false],
    ['22.11.0', '^20.19.0 || >=22.12.0', false],
    ['24.22.3', '^20.19.0 || >=22.12.0', true],
    ['20.20.2', '>=22.12.0', false],
    ['20.20.2', '^22.22.2 || ^24.15.0 || >=26.0.0', false],
    ['24.22.3', '^22.22.2 || ^24.15.0 || >=26.0.0', true],
    ['20.20.2', '^20.17.0 || >=22.9.0', true],
    ['20.20.2', '18 || 20 || >=22', true],
    ['21.0.0', '18 || 20 || >=22', false],
  ])('%s in %s: %s', (version, range, expected) => {
    expect(satisfiesNode(version, range)).toBe(expected);
  });
});
