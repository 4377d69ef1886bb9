import { type Choices, DEFAULT_CHOICES } from '../../src/options/schema.js';
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

/**
 * The combinations .ci/run proves on every change: a pairwise set, so every two values of any
 * two choices that a valid project can have together are proven together at least once
 * (`test/unit/matrix.test.ts` checks it). Each framework comes once with PostgreSQL and jwt and
 * once with neither; one more row gives PostgreSQL without auth. `E2E_MATRIX=all` runs every
 * valid combination (`npm run test:matrix`), `E2E_FRAMEWORK=<name>` only one framework's.
 */
const PAIRWISE: Choices[] = [
  {
    framework: 'express',
    database: 'postgres',
    auth: 'jwt',
    cache: 'redis',
    deploy: 'docker',
    ci: 'github',
  },
  {
    framework: 'express',
    database: 'none',
    auth: 'none',
    cache: 'none',
    deploy: 'none',
    ci: 'none',
  },
  {
    framework: 'fastify',
    database: 'postgres',
    auth: 'jwt',
    cache: 'none',
    deploy: 'none',
    ci: 'github',
  },
  {
    framework: 'fastify',
    database: 'none',
    auth: 'none',
    cache: 'redis',
    deploy: 'docker',
    ci: 'none',
  },
  {
    framework: 'fastify',
    database: 'postgres',
    auth: 'none',
    cache: 'none',
    deploy: 'none',
    ci: 'none',
  },
  {
    framework: 'hono',
    database: 'postgres',
    auth: 'jwt',
    cache: 'redis',
    deploy: 'none',
    ci: 'none',
  },
  {
    framework: 'hono',
    database: 'none',
    auth: 'none',
    cache: 'none',
    deploy: 'docker',
    ci: 'github',
  },
  {
    framework: 'nest',
    database: 'postgres',
    auth: 'jwt',
    cache: 'none',
    deploy: 'docker',
    ci: 'github',
  },
  { framework: 'nest', database: 'none', auth: 'none', cache: 'redis', deploy: 'none', ci: 'none' },
];

export const CI_MATRIX: Combination[] = PAIRWISE.map(combination);

/**
 * The combinations this run proves: E2E_CHOICES names exactly one (`database=sqlite,auth=jwt`,
 * the rest defaulted, deploy and CI none); otherwise E2E_MATRIX, filtered by E2E_FRAMEWORK
 * and E2E_DATABASE.
 */
export function selectedMatrix(all: readonly Choices[]): Combination[] {
  const named = process.env.E2E_CHOICES;
  if (named) {
    const given = Object.fromEntries(named.split(',').map((pair) => pair.trim().split('=')));
    return [combination({ ...DEFAULT_CHOICES, deploy: 'none', ci: 'none', ...given })];
  }
  const base = process.env.E2E_MATRIX === 'all' ? all.map(combination) : CI_MATRIX;
  const framework = process.env.E2E_FRAMEWORK;
  const database = process.env.E2E_DATABASE;
  return base.filter(
    (c) =>
      (!framework || c.choices.framework === framework) &&
      (!database || c.choices.database === database),
  );
}
