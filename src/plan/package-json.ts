import type { ModuleDefinition } from '../modules/types.js';
import type { Choices, PackageManager } from '../options/schema.js';
import { type DependencyName, VERSIONS } from '../versions.js';

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
    [...new Set(names)].sort().map((name) => [name, VERSIONS[name]] as const),
  );
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
  const all = modules.flatMap((module) => [
    ...dependencies(module),
    ...(module.devDependencies ?? []),
  ]);
  return {
    name: project.name,
    version: '0.1.0',
    private: true,
    type: 'module',
    engines: { node: '>=20.12' },
    ...(pinnedPm && { packageManager: `${project.pm}@${project.pmVersion}` }),
    scripts: Object.assign({}, ...modules.map((module) => module.scripts ?? {})),
    dependencies: pinned(modules.flatMap(dependencies)),
    devDependencies: pinned(modules.flatMap((module) => module.devDependencies ?? [])),
    ...(all.some((name) => BRINGS_SCARF.has(name)) && { scarfSettings: { enabled: false } }),
  };
}
