import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { ProcessRunner } from '../../src/context.js';
import { runProcess } from '../../src/effects/run.js';
import { baselinePackage } from '../../src/update/baseline.js';
import { fakeRunner, tempDir, testContext } from '../support/context.js';

/** A package directory with the bin a baseline needs. */
async function fakePackage(dir: string): Promise<string> {
  await mkdir(path.join(dir, 'package', 'bin'), { recursive: true });
  await writeFile(path.join(dir, 'package', 'bin', 'create-backend.js'), '// old version\n');
  await execa('tar', ['-czf', 'old.tgz', 'package'], { cwd: dir });
  return path.join(dir, 'old.tgz');
}

describe('baselinePackage', () => {
  it('takes a package directory as it is', async () => {
    const dir = await tempDir();
    await fakePackage(dir);
    const ctx = testContext({ cwd: dir });
    expect(await baselinePackage('0.0.1', 'package', ctx)).toBe(path.join(dir, 'package'));
  });

  it('unpacks a tarball into the cache once', async () => {
    const dir = await tempDir();
    const tarball = await fakePackage(dir);
    const calls: string[] = [];
    const run: ProcessRunner = (command, options) => {
      calls.push(command.command);
      return runProcess(command, options);
    };
    const ctx = testContext({
      cwd: dir,
      run,
      env: { CREATE_BACKEND_CACHE: path.join(dir, 'cache') },
    });
    const first = await baselinePackage('0.0.1', tarball, ctx);
    expect(first.startsWith(path.join(dir, 'cache'))).toBe(true);
    expect(existsSync(path.join(first, 'bin', 'create-backend.js'))).toBe(true);
    expect(await baselinePackage('0.0.1', tarball, ctx)).toBe(first);
    expect(calls).toEqual(['tar']);
  });

  it('fetches a version from the registry into the cache, and says how to point at one it cannot get', async () => {
    const dir = await tempDir();
    const cache = path.join(dir, 'cache');
    const run = fakeRunner(() => ({ exitCode: 1, output: 'npm error 404 Not Found' }));
    const ctx = testContext({ cwd: dir, run, env: { CREATE_BACKEND_CACHE: cache } });
    await expect(baselinePackage('0.0.1', undefined, ctx)).rejects.toThrow(
      'create-backend-stack 0.0.1, which made this project, could not be fetched from the npm registry: point at its package with --baseline <tarball or directory>.',
    );
    expect(run.calls[0]).toMatch(/^npm pack create-backend-stack@0\.0\.1 --pack-destination /);
    expect(existsSync(path.join(cache, 'packages', '0.0.1'))).toBe(false);
  });

  it('refuses a path that is no package', async () => {
    const dir = await tempDir();
    await expect(baselinePackage('0.0.1', 'nowhere', testContext({ cwd: dir }))).rejects.toThrow(
      /--baseline .*nowhere is neither a create-backend-stack package directory nor a \.tgz of one\./,
    );
  });
});

// A cache on another file system than the tarball and the temporary directory (a tmpfs /tmp,
// a home on disk, as many Linux systems have it): nothing can be renamed across the two.
const otherFileSystem = await (async () => {
  const here = (await stat(tmpdir())).dev;
  const shm = await stat('/dev/shm').catch(() => undefined);
  return shm?.isDirectory() && shm.dev !== here ? '/dev/shm' : undefined;
})();

describe.skipIf(!otherFileSystem)('baselinePackage, with the cache on another file system', () => {
  it('unpacks a tarball into it', async () => {
    const dir = await tempDir();
    const tarball = await fakePackage(dir);
    const cache = await mkdtemp(path.join(otherFileSystem ?? '', 'cb-test-cache-'));
    onTestFinished(() => rm(cache, { recursive: true, force: true }));
    const ctx = testContext({ cwd: dir, run: runProcess, env: { CREATE_BACKEND_CACHE: cache } });
    const unpacked = await baselinePackage('0.0.1', tarball, ctx);
    expect(unpacked.startsWith(cache)).toBe(true);
    expect(existsSync(path.join(unpacked, 'bin', 'create-backend.js'))).toBe(true);
    // Nothing left beside the user's tarball.
    expect((await readdir(dir)).sort()).toEqual(['old.tgz', 'package']);
  });

  it('fetches a version from the registry into it', async () => {
    const dir = await tempDir();
    const tarball = await fakePackage(dir);
    const cache = await mkdtemp(path.join(otherFileSystem ?? '', 'cb-test-cache-'));
    onTestFinished(() => rm(cache, { recursive: true, force: true }));
    // npm pack, as the registry would answer it: the tarball in --pack-destination.
    const run: ProcessRunner = async (command, options) => {
      if (command.command !== 'npm') return runProcess(command, options);
      const destination = command.args[command.args.indexOf('--pack-destination') + 1] ?? '';
      await copyFile(tarball, path.join(destination, 'create-backend-stack-0.0.1.tgz'));
      return { exitCode: 0, output: 'create-backend-stack-0.0.1.tgz\n' };
    };
    const ctx = testContext({ cwd: dir, run, env: { CREATE_BACKEND_CACHE: cache } });
    const fetched = await baselinePackage('0.0.1', undefined, ctx);
    expect(fetched).toBe(path.join(cache, 'packages', '0.0.1'));
    expect(existsSync(path.join(fetched, 'bin', 'create-backend.js'))).toBe(true);
  });
});
