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
    name: `${choices.framework}-${choices.database}-${choices.auth}${choices.cache === 'none' ? '' : `-${choices.cache}`}${choices.observability === 'none' ? '' : `-${choices.observability}`}`,
    choices,
    features: {
      database: choices.database !== 'none',
      auth: choices.auth !== 'none',
      redis: choices.cache === 'redis',
    },
  };
}

/**
 * The combinations .ci/run proves on every change, one per framework and database (16 rows,
 * the least that can hold every framework with every database). Every two values of framework,
 * database, auth, cache, CI and observability that a valid project can have together are proven
 * together, and each deploy target with three frameworks and three databases or more
 * (`test/unit/matrix.test.ts` checks both): deploy targets add files but no code that runs, and
 * their files are rendered in every combination of three values by the unit suite and checked
 * by each target's validator.
 * `E2E_MATRIX=all` runs every valid combination (`npm run test:matrix`), `E2E_FRAMEWORK=<name>`
 * and `E2E_DATABASE=<name>` narrow the set, `E2E_CHOICES` names one combination.
 */
const RUNTIME_PAIRWISE: Choices[] = [
  {
    framework: 'express',
    database: 'postgres',
    auth: 'none',
    cache: 'redis',
    deploy: 'docker',
    ci: 'github',
    observability: 'otel',
  },
  {
    framework: 'express',
    database: 'sqlite',
    auth: 'jwt',
    cache: 'none',
    deploy: 'kubernetes',
    ci: 'gitlab',
    observability: 'none',
  },
  {
    framework: 'express',
    database: 'mysql',
    auth: 'jwt',
    cache: 'redis',
    deploy: 'fly',
    ci: 'none',
    observability: 'otel',
  },
  {
    framework: 'express',
    database: 'none',
    auth: 'none',
    cache: 'none',
    deploy: 'render',
    ci: 'github',
    observability: 'none',
  },
  {
    framework: 'fastify',
    database: 'postgres',
    auth: 'jwt',
    cache: 'none',
    deploy: 'kubernetes',
    ci: 'none',
    observability: 'none',
  },
  {
    framework: 'fastify',
    database: 'sqlite',
    auth: 'none',
    cache: 'redis',
    deploy: 'docker',
    ci: 'github',
    observability: 'otel',
  },
  {
    framework: 'fastify',
    database: 'mysql',
    auth: 'jwt',
    cache: 'none',
    deploy: 'render',
    ci: 'gitlab',
    observability: 'none',
  },
  {
    framework: 'fastify',
    database: 'none',
    auth: 'none',
    cache: 'redis',
    deploy: 'none',
    ci: 'none',
    observability: 'otel',
  },
  {
    framework: 'hono',
    database: 'postgres',
    auth: 'jwt',
    cache: 'redis',
    deploy: 'fly',
    ci: 'gitlab',
    observability: 'otel',
  },
  {
    framework: 'hono',
    database: 'sqlite',
    auth: 'jwt',
    cache: 'none',
    deploy: 'render',
    ci: 'none',
    observability: 'none',
  },
  {
    framework: 'hono',
    database: 'mysql',
    auth: 'none',
    cache: 'none',
    deploy: 'docker',
    ci: 'github',
    observability: 'otel',
  },
  {
    framework: 'hono',
    database: 'none',
    auth: 'none',
    cache: 'redis',
    deploy: 'kubernetes',
    ci: 'github',
    observability: 'none',
  },
  {
    framework: 'nest',
    database: 'postgres',
    auth: 'none',
    cache: 'none',
    deploy: 'render',
    ci: 'github',
    observability: 'none',
  },
  {
    framework: 'nest',
    database: 'sqlite',
    auth: 'jwt',
    cache: 'redis',
    deploy: 'fly',
    ci: 'github',
    observability: 'otel',
  },
  {
    framework: 'nest',
    database: 'mysql',
    auth: 'jwt',
    cache: 'redis',
    deploy: 'kubernetes',
    ci: 'none',
    observability: 'none',
  },
  {
    framework: 'nest',
    database: 'none',
    auth: 'none',
    cache: 'none',
    deploy: 'docker',
    ci: 'gitlab',
    observability: 'otel',
  },
];

export const CI_MATRIX: Combination[] = RUNTIME_PAIRWISE.map(combination);

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
