import { modulesFor } from '../../../src/modules/registry.js';
import {
  type Choices,
  DEFAULT_CHOICES,
  PACKAGE_MANAGERS,
  type PackageManager,
} from '../../../src/options/schema.js';
import { nodeEngines, projectDependencies } from '../../../src/plan/package-json.js';
import { minimumMajor } from '../matrix.js';
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
 * Every package manager on every Node.js line with every framework whose project declares that
 * line (databases alternating), as `E2E_MATRIX=all` runs it.
 */
export function everyPackageManagerRow(): PackageManagerRow[] {
  const rows = PACKAGE_MANAGERS.flatMap((pm) =>
    NODE_MAJORS.flatMap((node) => FRAMEWORKS.map((framework) => ({ pm, node, framework }))),
  ).map((row, index) => ({ ...row, database: index % 2 ? 'postgres' : 'sqlite' }) as const);
  return rows.filter((row) => minimumMajor(rowEngines(row)) <= row.node);
}
