import { existsSync } from 'node:fs';
import { cp, readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAME, PACKAGE_NAME } from '../../src/cli-name.js';
import { tempDir } from '../support/context.js';
import { childEnv } from './support/project.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * A fresh checkout: the files git tracks or would track (`git clone` would only see what is
 * committed, and this runs before the commit), so no dist/. Its dependencies are linked from
 * this repository, as `npm ci` would install them, to spare the network and a minute.
 */
async function freshCheckout(): Promise<string> {
  const dir = await tempDir('cb-checkout-');
  const args = ['ls-files', '-z', '--cached', '--others', '--exclude-standard'];
  const listed = (await execa('git', args, { cwd: ROOT })).stdout.split('\0');
  // A file deleted but not yet committed is listed and gone.
  const files = listed.filter((file) => file && existsSync(path.join(ROOT, file)));
  await Promise.all(files.map((file) => cp(path.join(ROOT, file), path.join(dir, file))));
  await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

describe('the published package', () => {
  it('packs from a fresh checkout (prepack builds dist/), installs and creates a project', async () => {
    const checkout = await freshCheckout();
    expect(existsSync(path.join(checkout, 'dist'))).toBe(false);
    const out = await tempDir();
    const packed = await execa('npm', ['pack', '--json', '--pack-destination', out], {
      cwd: checkout,
      env: childEnv(),
    });
    // The prepack build prints its own line before npm's JSON.
    const [info] = JSON.parse(packed.stdout.slice(packed.stdout.search(/^\[/m)));
    const files = info.files.map((file: { path: string }) => file.path);
    expect(info.name).toBe(PACKAGE_NAME);
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('dist/templates/base.json');
    // Its own licence, and those of the packages bundled into dist/.
    expect(files).toContain('LICENSE');
    expect(files).toContain('dist/THIRD-PARTY-LICENSES.txt');
    // The templates travel inside dist/ (scripts/build.js), so templates/ is not packed.
    const unpacked = ['src/', 'test/', 'templates/'];
    expect(files.filter((file: string) => unpacked.some((dir) => file.startsWith(dir)))).toEqual(
      [],
    );
    // What npx downloads: the CLI and four frameworks' templates, precompiled.
    expect(info.size).toBeLessThan(512 * 1024);

    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.dependencies ?? {}).toEqual({});

    const consumer = await tempDir();
    await execa('npm', ['init', '-y'], { cwd: consumer });
    await execa('npm', ['install', path.join(out, info.filename)], {
      cwd: consumer,
      env: childEnv(),
    });
    const bin = path.join(consumer, 'node_modules/.bin', COMMAND_NAME);
    expect((await execa(bin, ['--version'])).stdout).toBe(pkg.version);
    const created = await execa(bin, ['svc', '--yes', '--no-install', '--no-git'], {
      cwd: consumer,
      env: childEnv({ CI: 'true', NO_COLOR: '1' }),
    });
    expect(created.stdout).toContain('Created');
    const manifest = JSON.parse(
      await readFile(path.join(consumer, 'svc/create-backend.json'), 'utf8'),
    );
    expect(manifest).toMatchObject({ generator: PACKAGE_NAME, version: pkg.version });
    expect(Object.keys(manifest.files)).toContain('src/app.ts');
  });
});
