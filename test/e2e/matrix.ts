import type { Choices } from '../../src/options/schema.js';
import type { Features } from './support/contract.js';

/** A combination the end-to-end suite proves, with the features the contract should expect. */
export interface Combination {
  name: string;
  choices: Choices;
  features: Features;
}

/** Build a combination from choices; its name lists the non-default-free parts. */
export function combination(choices: Choices): Combination {
  return {
    name: `${choices.framework}-${choices.database}-${choices.auth}${choices.cache === 'none' ? '' : `-${choices.cache}`}`,
    choices,
    features: {
      database: choices.database !== 'none',
      auth: choices.auth !== 'none',
      redis: choices.cache === 'redis',
    },
  };
}

const FULL = { cache: 'redis', deploy: 'docker', ci: 'github' } as const;
const BARE = { cache: 'none', deploy: 'none', ci: 'none' } as const;

/**
 * The combinations .ci/run proves on every change. Adding one is one line; `E2E_MATRIX=all`
 * runs every valid combination (see `npm run test:matrix`), `E2E_FRAMEWORK=<name>` only one
 * framework's.
 */
export const CI_MATRIX: Combination[] = [
  combination({ framework: 'express', database: 'postgres', auth: 'jwt', ...FULL }),
  combination({ framework: 'express', database: 'postgres', auth: 'none', ...BARE }),
  combination({ framework: 'express', database: 'none', auth: 'none', ...BARE }),
  combination({ framework: 'fastify', database: 'postgres', auth: 'jwt', ...FULL }),
  combination({ framework: 'hono', database: 'postgres', auth: 'jwt', ...FULL }),
  combination({ framework: 'nest', database: 'postgres', auth: 'jwt', ...FULL }),
  combination({ framework: 'nest', database: 'none', auth: 'none', ...BARE }),
  combination({ framework: 'hono', database: 'none', auth: 'none', ...BARE, cache: 'redis' }),
];

/** The combinations this run proves, from E2E_MATRIX and E2E_FRAMEWORK. */
export function selectedMatrix(all: readonly Choices[]): Combination[] {
  const base = process.env.E2E_MATRIX === 'all' ? all.map(combination) : CI_MATRIX;
  const only = process.env.E2E_FRAMEWORK;
  return only ? base.filter((c) => c.choices.framework === only) : base;
}
