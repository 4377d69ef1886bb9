import type { PackageManager } from '../options/schema.js';
import type { DependencyName } from '../versions.js';

/**
 * Packages with install scripts in the pinned dependency trees, by the pinned package that
 * brings them (`pnpm why`). None needs its script: esbuild and @swc/core get their binaries as
 * optional platform packages (the script only checks them), protobufjs's checks how dependents
 * spell its version, and @scarf/scarf's reports the install to a third party.
 */
const INSTALL_SCRIPTS: Readonly<Record<string, readonly string[]>> = {
  tsx: ['esbuild'],
  'drizzle-kit': ['esbuild'],
  '@swc/core': ['@swc/core'],
  'swagger-ui-dist': ['@scarf/scarf'],
  'swagger-ui-express': ['@scarf/scarf'],
  '@nestjs/swagger': ['@scarf/scarf'],
  '@opentelemetry/sdk-node': ['protobufjs'],
};

/** The packages with install scripts that a project with these dependencies installs. */
export function installScriptPackages(dependencies: readonly DependencyName[]): string[] {
  return [...new Set(dependencies.flatMap((name) => INSTALL_SCRIPTS[name] ?? []))].sort();
}

/**
 * What Yarn keeps in the project besides `node_modules`, less what a team would commit
 * (https://yarnpkg.com/getting-started/qa#which-files-should-be-gitignored).
 */
const YARN_IGNORES = [
  '.pnp.*',
  '.yarn/*',
  '!.yarn/patches',
  '!.yarn/plugins',
  '!.yarn/releases',
  '!.yarn/sdks',
  '!.yarn/versions',
];

/**
 * The package manager's own files, generated like `.env` (a package manager is not a module,
 * and what it needs depends on the project's whole dependency list), and the `.gitignore`
 * (given as rendered) with its lines:
 *
 * - pnpm runs no dependency's install script that `allowBuilds` does not approve, and fails an
 *   install that meets one it has no decision for: each gets its decision.
 * - Yarn defaults to Plug'n'Play, which tsc, Biome and vitest do not resolve through here:
 *   `node_modules` as npm lays it out.
 */
export function packageManagerFiles(
  pm: PackageManager,
  dependencies: readonly DependencyName[],
  gitignore: string | undefined,
): { path: string; content: string }[] {
  if (pm === 'pnpm') {
    const scripts = installScriptPackages(dependencies);
    if (scripts.length === 0) return [];
    const entries = scripts.map((name) => `  ${/^[\w-]+$/.test(name) ? name : `"${name}"`}: false`);
    const content = [
      '# Install scripts of dependencies (https://pnpm.io/settings#allowbuilds): none is needed.',
      'allowBuilds:',
      ...entries,
      '',
    ].join('\n');
    return [{ path: 'pnpm-workspace.yaml', content }];
  }
  if (pm === 'yarn') {
    return [
      { path: '.yarnrc.yml', content: 'nodeLinker: node-modules\n' },
      ...(gitignore === undefined
        ? []
        : [
            { path: '.gitignore', content: `${gitignore.trimEnd()}\n${YARN_IGNORES.join('\n')}\n` },
          ]),
    ];
  }
  return [];
}
