import { sortByText } from '../collate.js';
import type { ModuleDefinition } from '../modules/types.js';
import type { Choices, PackageManager } from '../options/schema.js';
import {
  type DependencyName,
  NARROWER_NODE_ENGINES,
  NODE_ENGINES,
  NODE_TYPES,
  VERSIONS,
} from '../versions.js';

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
 * The Node.js range a project with these packages declares: the versions NODE_ENGINES and every
 * range NARROWER_NODE_ENGINES holds for one of its packages all admit.
 */
export function nodeEngines(names: readonly DependencyName[]): string {
  const ranges = names.flatMap((name) => NARROWER_NODE_ENGINES[name] ?? []);
  return formatRange(ranges.map(parseRange).reduce(intersect, parseRange(NODE_ENGINES)));
}

/** The `@types/node` version for a project declaring `engines` (as `nodeEngines` writes it). */
export function nodeTypesVersion(engines: string): string {
  const oldest = Math.min(...parseRange(engines).map(({ low }) => low[0]));
  const version = NODE_TYPES[oldest];
  if (!version) throw new Error(`NODE_TYPES has no @types/node for Node.js ${oldest}`);
  return version;
}

type Version = readonly [number, number, number];

/** Whether `range` (as `nodeEngines` writes it) admits the Node.js version `version` (`20.19.1`). */
export function admitsNodeVersion(range: string, version: string): boolean {
  const [major = 0, minor = 0, patch = 0] = version.replace(/^v/, '').split('.').map(Number);
  const given: Version = [major, minor, patch];
  return parseRange(range).some(
    ({ low, high }) =>
      compareVersions(given, low) >= 0 && (!high || compareVersions(given, high) < 0),
  );
}

/** The versions from `low` up to, not including, `high` (no `high`: no upper bound). */
interface Span {
  low: Version;
  high?: Version;
}

/** A range of `^x.y.z` and `>=x.y.z` alternatives (minor and patch may be left out). */
function parseRange(range: string): Span[] {
  return range.split('||').map((part) => {
    const match = /^\s*(\^|>=)(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(part);
    if (!match)
      throw new Error(`Unsupported Node.js range "${range}": use ^x.y.z or >=x.y.z parts`);
    const low: Version = [Number(match[2]), Number(match[3] ?? 0), Number(match[4] ?? 0)];
    return match[1] === '^' ? { low, high: [low[0] + 1, 0, 0] } : { low };
  });
}

function intersect(a: readonly Span[], b: readonly Span[]): Span[] {
  return a.flatMap((x) =>
    b.flatMap((y) => {
      const low = compareVersions(x.low, y.low) >= 0 ? x.low : y.low;
      const high =
        x.high && y.high && compareVersions(y.high, x.high) < 0 ? y.high : (x.high ?? y.high);
      return high && compareVersions(low, high) >= 0 ? [] : [{ low, ...(high && { high }) }];
    }),
  );
}

function formatRange(spans: readonly Span[]): string {
  if (spans.length === 0) throw new Error('The pinned packages admit no Node.js version in common');
  return [...spans]
    .sort((a, b) => compareVersions(a.low, b.low))
    .map(({ low, high }) => {
      const version = low.join('.');
      if (!high) return `>=${version}`;
      if (compareVersions(high, [low[0] + 1, 0, 0]) === 0) return `^${version}`;
      throw new Error(`Node.js versions from ${version} below ${high.join('.')} are not a ^ range`);
    })
    .join(' || ');
}

function compareVersions(a: Version, b: Version): number {
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
  const engines = nodeEngines(all);
  const devDependencies = pinned(modules.flatMap((module) => module.devDependencies ?? []));
  if (devDependencies['@types/node']) devDependencies['@types/node'] = nodeTypesVersion(engines);
  return {
    name: project.name,
    version: '0.1.0',
    private: true,
    type: 'module',
    engines: { node: engines },
    ...(pinnedPm && { packageManager: `${project.pm}@${project.pmVersion}` }),
    scripts: Object.assign({}, ...modules.map((module) => module.scripts ?? {})),
    dependencies: pinned(modules.flatMap(dependencies)),
    devDependencies,
    ...(all.some((name) => BRINGS_SCARF.has(name)) && { scarfSettings: { enabled: false } }),
  };
}
