import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/context.js';
import { childEnv } from './support/project.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('the published package', () => {
  it('packs into a small tarball without runtime dependencies that installs and runs', async () => {
    const out = await tempDir();
    const packed = await execa('npm', ['pack', '--json', '--pack-destination', out], { cwd: ROOT });
    const [info] = JSON.parse(packed.stdout);
    const files = info.files.map((file: { path: string }) => file.path);
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('templates/base/_gitignore');
    expect(files.some((file: string) => file.startsWith('src/') || file.startsWith('test/'))).toBe(
      false,
    );
    expect(info.size).toBeLessThan(400 * 1024);

    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.dependencies ?? {}).toEqual({});

    const consumer = await tempDir();
    await execa('npm', ['init', '-y'], { cwd: consumer });
    await execa('npm', ['install', path.join(out, info.filename)], {
      cwd: consumer,
      env: childEnv(),
    });
    const bin = path.join(consumer, 'node_modules/.bin/create-backend');
    expect((await execa(bin, ['--version'])).stdout).toBe(pkg.version);
    const dry = await execa(bin, ['svc', '--dry-run', '--json'], {
      cwd: consumer,
      env: { CI: 'true' },
    });
    expect(JSON.parse(dry.stdout).files).toContain('create-backend.json');
  });
});
