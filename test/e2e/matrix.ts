import { modulesFor } from '../../src/modules/registry.js';
import { type Choices, DEFAULT_CHOICES, type PackageManager } from '../../src/options/schema.js';
import { nodeEngines, projectDependencies } from '../../src/plan/package-json.js';
import type { Features } from './support/contract.js';
import type { NodeMajor } from './support/toolchains.js';

/** The package manager and Node.js line a combination is created, installed and run with. */
export interface ToolchainSpec {
  pm: PackageManager;
  node: NodeMajor;
}

/** What the suite runs with itself: npm on the Node.js running vitest. */
export const SUITE_TOOLCHAIN: ToolchainSpec = {
  pm: 'npm',
  node: Number(process.versions.node.split('.')[0]) as NodeMajor,
};

/** The lowest Node.js major a range of `^x.y.z` and `>=x.y.z` parts admits. */
export function minimumMajor(range: string): number {
  return Math.min(...range.split('||').map((part) => Number(/\d+/.exec(part)?.[0])));
}

/** The suite's toolchain, or npm on the first Node.js line the project declares if it is newer. */
function defaultToolchain(choices: Choices): ToolchainSpec {
  const lowest = minimumMajor(nodeEngines(projectDependencies(choices, modulesFor(choices))));
  return lowest > SUITE_TOOLCHAIN.node ? { pm: 'npm', node: lowest as NodeMajor } : SUITE_TOOLCHAIN;
}

/** A combination the end-to-end suite proves, with the features the contract should expect. */
export interface Combination {
  name: string;
  choices: Choices;
  toolchain: ToolchainSpec;
  features: Features;
}

/** Build a combination from choices; its name lists the non-default-free parts. */
export function combination(
  choices: Choices,
  toolchain: ToolchainSpec = defaultToolchain(choices),
): Combination {
  return {
    name: `${choices.framework}-${choices.database}-${choices.auth}${choices.cache === 'none' ? '' : `-${choices.cache}`}${choices.observability === 'none' ? '' : `-${choices.observability}`}`,
    choices,
    toolchain,
    features: {
      database: choices.database !== 'none',
      auth: choices.auth === 'none' ? false : (choices.auth as 'jwt' | 'better-auth'),
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
 * Each row is created, installed, checked and run with a package manager on a Node.js line
 * (their current releases from the npm registry): every package manager meets every framework,
 * database and Node.js line, and every framework and database meets every Node.js line its
 * project declares (NestJS's and Fastify's `engines` start at 22.12).
 * `E2E_MATRIX=all` runs every valid combination with the suite's own npm and Node.js
 * (`npm run test:matrix`; `package-managers.test.ts` then runs every package manager on every
 * Node.js line), `E2E_FRAMEWORK=<name>` and `E2E_DATABASE=<name>` narrow the set,
 * `E2E_CHOICES` names one combination (`pm=` and `node=` name its toolchain).
 */
const RUNTIME_PAIRWISE: (Choices & ToolchainSpec)[] = [
  {
    framework: 'express',
    database: 'postgres',
    auth: 'better-auth',
    cache: 'none',
    deploy: 'docker',
    ci: 'github',
    observability: 'otel',
    pm: 'npm',
    node: 20,
  },
  {
    framework: 'express',
    database: 'sqlite',
    auth: 'jwt',
    cache: 'none',
    deploy: 'kubernetes',
    ci: 'none',
    observability: 'otel',
    pm: 'pnpm',
    node: 22,
  },
  {
    framework: 'express',
    database: 'mysql',
    auth: 'none',
    cache: 'redis',
    deploy: 'fly',
    ci: 'gitlab',
    observability: 'none',
    pm: 'yarn',
    node: 20,
  },
  {
    framework: 'express',
    database: 'none',
    auth: 'none',
    cache: 'none',
    deploy: 'render',
    ci: 'github',
    observability: 'none',
    pm: 'bun',
    node: 24,
  },
  {
    framework: 'fastify',
    database: 'postgres',
    auth: 'jwt',
    cache: 'redis',
    deploy: 'kubernetes',
    ci: 'github',
    observability: 'none',
    pm: 'pnpm',
    node: 24,
  },
  {
    framework: 'fastify',
    database: 'sqlite',
    auth: 'none',
    cache: 'redis',
    deploy: 'docker',
    ci: 'gitlab',
    observability: 'otel',
    pm: 'yarn',
    node: 22,
  },
  {
    framework: 'fastify',
    database: 'mysql',
    auth: 'better-auth',
    cache: 'redis',
    deploy: 'render',
    ci: 'none',
    observability: 'none',
    pm: 'bun',
    node: 22,
  },
  {
    framework: 'fastify',
    database: 'none',
    auth: 'none',
    cache: 'none',
    deploy: 'none',
    ci: 'gitlab',
    observability: 'otel',
    pm: 'npm',
    node: 22,
  },
  {
    framework: 'hono',
    database: 'postgres',
    auth: 'none',
    cache: 'redis',
    deploy: 'fly',
    ci: 'none',
    observability: 'none',
    pm: 'yarn',
    node: 22,
  },
  {
    framework: 'hono',
    database: 'sqlite',
    auth: 'better-auth',
    cache: 'none',
    deploy: 'render',
    ci: 'github',
    observability: 'none',
    pm: 'bun',
    node: 20,
  },
  {
    framework: 'hono',
    database: 'mysql',
    auth: 'jwt',
    cache: 'none',
    deploy: 'docker',
    ci: 'none',
    observability: 'none',
    pm: 'npm',
    node: 24,
  },
  {
    framework: 'hono',
    database: 'none',
    auth: 'none',
    cache: 'none',
    deploy: 'kubernetes',
    ci: 'gitlab',
    observability: 'otel',
    pm: 'pnpm',
    node: 20,
  },
  {
    framework: 'nest',
    database: 'postgres',
    auth: 'jwt',
    cache: 'none',
    deploy: 'render',
    ci: 'gitlab',
    observability: 'none',
    pm: 'bun',
    node: 22,
  },
  {
    framework: 'nest',
    database: 'sqlite',
    auth: 'better-auth',
    cache: 'none',
    deploy: 'fly',
    ci: 'gitlab',
    observability: 'otel',
    pm: 'npm',
    node: 24,
  },
  {
    framework: 'nest',
    database: 'mysql',
    auth: 'better-auth',
    cache: 'redis',
    deploy: 'kubernetes',
    ci: 'github',
    observability: 'otel',
    pm: 'pnpm',
    node: 22,
  },
  {
    framework: 'nest',
    database: 'none',
    auth: 'none',
    cache: 'redis',
    deploy: 'docker',
    ci: 'none',
    observability: 'none',
    pm: 'yarn',
    node: 24,
  },
];

export const CI_MATRIX: Combination[] = RUNTIME_PAIRWISE.map(({ pm, node, ...choices }) =>
  combination(choices, { pm, node }),
);

/**
 * The combinations this run proves: E2E_CHOICES names exactly one (`database=sqlite,auth=jwt`,
 * the rest defaulted, deploy and CI none, the suite's toolchain unless `pm=`/`node=` say);
 * otherwise E2E_MATRIX, filtered by E2E_FRAMEWORK and E2E_DATABASE.
 */
export function selectedMatrix(all: readonly Choices[]): Combination[] {
  const named = process.env.E2E_CHOICES;
  if (named) {
    const { pm, node, ...given } = Object.fromEntries(
      named.split(',').map((pair) => pair.trim().split('=')),
    );
    return [
      combination(
        { ...DEFAULT_CHOICES, deploy: 'none', ci: 'none', ...given },
        pm || node
          ? {
              pm: (pm as PackageManager | undefined) ?? 'npm',
              node: node ? (Number(node) as NodeMajor) : SUITE_TOOLCHAIN.node,
            }
          : undefined,
      ),
    ];
  }
  const base =
    process.env.E2E_MATRIX === 'all' ? all.map((choices) => combination(choices)) : CI_MATRIX;
  const framework = process.env.E2E_FRAMEWORK;
  const database = process.env.E2E_DATABASE;
  return base.filter(
    (c) =>
      (!framework || c.choices.framework === framework) &&
      (!database || c.choices.database === database),
  );
}
