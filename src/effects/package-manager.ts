import { PACKAGE_MANAGERS, type PackageManager } from '../options/schema.js';

/**
 * The package manager that launched us, from `npm_config_user_agent`
 * (e.g. `pnpm/9.12.0 npm/? node/v20.18.0 linux x64`); npm when unknown.
 */
export function detectPackageManager(userAgent: string | undefined): PackageManager {
  return parseUserAgent(userAgent).name;
}

/** The launching package manager's exact version, when the user agent names `pm`. */
export function packageManagerVersion(
  userAgent: string | undefined,
  pm: PackageManager,
): string | undefined {
  const agent = parseUserAgent(userAgent);
  return agent.name === pm ? agent.version : undefined;
}

function parseUserAgent(userAgent: string | undefined) {
  const [name, version] = userAgent?.split(' ')[0]?.split('/') ?? [];
  const known = PACKAGE_MANAGERS.find((pm) => pm === name);
  const exact = version && /^\d+\.\d+\.\d+$/.test(version) ? version : undefined;
  return { name: known ?? 'npm', version: known ? exact : undefined } as const;
}

/** A command as program + arguments, never through a shell. */
export interface Command {
  command: string;
  args: string[];
}

/**
 * The command that installs a project's dependencies, writing or updating its lockfile. Yarn
 * refuses to change the lockfile when `CI` is set unless told it may.
 */
export function installCommand(pm: PackageManager): Command {
  return { command: pm, args: pm === 'yarn' ? ['install', '--no-immutable'] : ['install'] };
}

/** The lockfile each package manager writes. */
export const LOCKFILES: Readonly<Record<PackageManager, string>> = {
  npm: 'package-lock.json',
  pnpm: 'pnpm-lock.yaml',
  yarn: 'yarn.lock',
  bun: 'bun.lock',
};

/**
 * Yarn 1 (Classic): generated projects are set up for the current Yarn (Berry: `.yarnrc.yml`,
 * `yarn install --immutable`), which Classic does not read or know.
 */
export function isYarnClassic(pm: PackageManager, version: string | undefined): boolean {
  return pm === 'yarn' && version?.split('.')[0] === '1';
}

/** The command that runs a package script. */
export function scriptCommand(pm: PackageManager, script: string): Command {
  return { command: pm, args: pm === 'npm' || pm === 'bun' ? ['run', script] : [script] };
}

/** How to run a script with this package manager, as a user would type it. */
export function runScriptCommand(pm: PackageManager, script: string): string {
  const { command, args } = scriptCommand(pm, script);
  return [command, ...args].join(' ');
}

/** The lockfile-respecting install CI should use. */
export function cleanInstallCommand(pm: PackageManager): string {
  switch (pm) {
    case 'npm':
      return 'npm ci';
    case 'yarn':
      return 'yarn install --immutable';
    default:
      return `${pm} install --frozen-lockfile`;
  }
}
