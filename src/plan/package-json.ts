import { sortByText } from '../collate.js';
import type { ModuleDefinition } from '../modules/types.js';
import type { Choices, PackageManager } from '../options/schema.js';
import { type DependencyName, NARROWER_NODE_ENGINES, NODE_ENGINES, VERSIONS } from '../versions.js';

/** The package.json fields the CLI owns. */
export interface PackageJson {
  name: string;
  version: string;
  private: boolean;
  type: 'module';
  engines: { node: string };
  packageManager?: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scarfSettings?: { enabled: false };
}

/**
 * Packages that bring swagger-ui-dist, whose dependency @scarf/scarf reports every install to a
 * third party unless the installing project opts out in its package.json. Generated projects send
 * no telemetry.
 */
const BRINGS_SCARF: ReadonlySet<string> = new Set([
  'swagger-ui-dist',
  'swagger-ui-express',
  '@nestjs/swagger',
]);

/** Pinned versions for a list of packages, sorted by name as npm writes them. */
export function pinned(names: readonly DependencyName[]): Record<string, string> {
  return Object.fromEntries(
    sortByText(new Set(names), (name) => name).map((name) => [name, VERSIONS[name]] as const),
  );
}

/** Every package a project made of these modules depends on, dev dependencies included. */
export function projectDependencies(
  choices: Choices,
  modules: readonly ModuleDefinition[],
): DependencyName[] {
  return modules.flatMap(({ dependencies = [], devDependencies = [] }) => [
    ...(typeof dependencies === 'function' ? dependencies(choices) : dependencies),
    ...devDependencies,
  ]);
}

/**
 * The Node.js range a project with these packages declares: NODE_ENGINES, or the narrowest
 * range one of its packages declares (the one whose lowest version is highest).
 */
export function nodeEngines(names: readonly DependencyName[]): string {
  const ranges = names.flatMap((name) => NARROWER_NODE_ENGINES[name] ?? []);
  return [NODE_ENGINES, ...ranges].reduce((narrowest, range) =>
    compareVersions(lowestVersion(range), lowestVersion(narrowest)) > 0 ? range : narrowest,
  );
}

/** The lowest version a range of `>=x.y.z` and `^x.y.z` alternatives admits. */
function lowestVersion(range: string): number[] {
  const lows = range
    .split('||')
    .map((part) => (/(\d+)\.(\d+)\.(\d+)/.exec(part) ?? []).slice(1).map(Number));
  return lows.reduce((low, version) => (compareVersions(version, low) < 0 ? version : low));
}

function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * The package.json of a project made of these modules: scripts in module order, pinned deps.
 * pnpm, yarn and bun are pinned through `packageManager` (corepack and CI setup actions read
 * it); npm ships with Node.
 */
export function buildPackageJson(
  project: { name: string; pm: PackageManager; pmVersion?: string; choices: Choices },
  modules: readonly ModuleDefinition[],
): PackageJson {
  const dependencies = ({ dependencies = [] }: ModuleDefinition) =>
    typeof dependencies === 'function' ? dependencies(project.choices) : dependencies;
  const pinnedPm = project.pm !== 'npm' && project.pmVersion;
  const all = projectDependencies(project.choices, modules);
  return {
    name: project.name,
    version: '0.1.0',
    private: true,
    type: 'module',
    engines: { node: nodeEngines(all) },
    ...(pinnedPm && { packageManager: `${project.pm}@${project.pmVersion}` }),
    scripts: Object.assign({}, ...modules.map((module) => module.scripts ?? {})),
    dependencies: pinned(modules.flatMap(dependencies)),
    devDependencies: pinned(modules.flatMap((module) => module.devDependencies ?? [])),
    ...(all.some((name) => BRINGS_SCARF.has(name)) && { scarfSettings: { enabled: false } }),
  };
}
