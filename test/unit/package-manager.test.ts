import { describe, expect, it } from 'vitest';
import {
  cleanInstallCommand,
  detectPackageManager,
  installCommand,
  packageManagerVersion,
  runScriptCommand,
} from '../../src/effects/package-manager.js';

describe('package managers', () => {
  it.each([
    ['npm/11.1.0 node/v20.20.2 linux x64 workspaces/false', 'npm'],
    ['pnpm/9.12.0 npm/? node/v20.18.0 linux x64', 'pnpm'],
    ['yarn/4.5.0 npm/? node/v20.18.0 linux x64', 'yarn'],
    ['bun/1.1.30 npm/? node/v22.6.0 linux x64', 'bun'],
    ['cnpm/9.4.0 npminstall/7.12.0', 'npm'],
    [undefined, 'npm'],
  ] as const)('detects %s as %s', (agent, pm) => {
    expect(detectPackageManager(agent)).toBe(pm);
  });

  it('builds commands without a shell', () => {
    expect(installCommand('pnpm')).toEqual({ command: 'pnpm', args: ['install'] });
    expect(runScriptCommand('npm', 'dev')).toBe('npm run dev');
    expect(runScriptCommand('bun', 'dev')).toBe('bun run dev');
    expect(runScriptCommand('yarn', 'dev')).toBe('yarn dev');
    expect(cleanInstallCommand('npm')).toBe('npm ci');
    expect(cleanInstallCommand('yarn')).toBe('yarn install --immutable');
    expect(cleanInstallCommand('pnpm')).toBe('pnpm install --frozen-lockfile');
  });
});

describe('packageManagerVersion', () => {
  it.each([
    ['pnpm/9.12.0 npm/? node/v20.18.0 linux x64', 'pnpm', '9.12.0'],
    ['yarn/4.5.0 npm/? node/v20.18.0 linux x64', 'yarn', '4.5.0'],
    ['pnpm/9.12.0 npm/? node/v20.18.0 linux x64', 'yarn', undefined],
    ['pnpm/next npm/? node/v20.18.0', 'pnpm', undefined],
    [undefined, 'npm', undefined],
  ] as const)('reads %s for %s: %s', (agent, pm, version) => {
    expect(packageManagerVersion(agent, pm)).toBe(version);
  });
});
