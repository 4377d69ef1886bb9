import { modulesFor } from '../../../src/modules/registry.js';
import {
  type Choices,
  DEFAULT_CHOICES,
  PACKAGE_MANAGERS,
  type PackageManager,
} from '../../../src/options/schema.js';
import { nodeEngines, projectDependencies } from '../../../src/plan/package-json.js';
import { NODE_MAJORS, type NodeMajor } from './toolchains.js';

/** A project the package-manager suite creates, installs, checks and starts. */
export interface PackageManagerRow {
  pm: PackageManager;
  node: NodeMajor;
  framework: 'express' | 'fastify' | 'hono' | 'nest';
  database: 'sqlite' | 'postgres';
}

const FRAMEWORKS = ['express', 'fastify', 'hono', 'nest'] as const;

/** The choices of a row's project: embedded database, JWT, nothing to deploy. */
export function rowChoices({ framework, database }: PackageManagerRow): Choices {
  return { ...DEFAULT_CHOICES, framework, database, deploy: 'none', ci: 'none' };
}

/** The Node.js range the row's project declares (package.json `engines.node`). */
export function rowEngines(row: PackageManagerRow): string {
  const choices = rowChoices(row);
  return nodeEngines(projectDependencies(choices, modulesFor(choices)));
}

/**
 * The default set: every package manager, Node.js line and framework, each package manager on
 * two Node.js lines and two frameworks where it can (npm on 20, where the newest npm that
 * runs is 11, and on 24 with npm 12), and the pairs that broke: pnpm with the Express and
 * NestJS request augmentation and NestJS's @swc/core, Yarn with NestJS (SWC's binary through
 * `node_modules`), Bun on the oldest Node.js. NestJS needs Node.js 22.12 (`rowEngines`).
 */
export const PACKAGE_MANAGER_PAIRWISE: readonly PackageManagerRow[] = [
  { pm: 'npm', node: 20, framework: 'express', database: 'sqlite' },
  { pm: 'npm', node: 24, framework: 'fastify', database: 'postgres' },
  { pm: 'pnpm', node: 22, framework: 'express', database: 'postgres' },
  { pm: 'pnpm', node: 24, framework: 'nest', database: 'sqlite' },
  { pm: 'yarn', node: 22, framework: 'nest', database: 'sqlite' },
  { pm: 'bun', node: 20, framework: 'hono', database: 'postgres' },
];

/**
 * Every package manager on every Node.js line with every framework whose project declares that
 * line (databases alternating), as `E2E_MATRIX=all` runs it.
 */
export function everyPackageManagerRow(): PackageManagerRow[] {
  const rows = PACKAGE_MANAGERS.flatMap((pm) =>
    NODE_MAJORS.flatMap((node) => FRAMEWORKS.map((framework) => ({ pm, node, framework }))),
  ).map((row, index) => ({ ...row, database: index % 2 ? 'postgres' : 'sqlite' }) as const);
  return rows.filter((row) => minimumMajor(rowEngines(row)) <= row.node);
}

/** The lowest Node.js major a range of `^x.y.z` and `>=x.y.z` parts admits. */
export function minimumMajor(range: string): number {
  return Math.min(...range.split('||').map((part) => Number(/\d+/.exec(part)?.[0])));
}

/** The rows this run proves. */
export function selectedPackageManagerRows(): readonly PackageManagerRow[] {
  return process.env.E2E_MATRIX === 'all' ? everyPackageManagerRow() : PACKAGE_MANAGER_PAIRWISE;
}
