import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import { describe, expect, it, onTestFinished } from 'vitest';
import { tempDir } from '../support/context.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/create-backend.js');

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 50) {
    if (waited > 20_000) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const groupAlive = (group: number) => {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
};

// Process groups, `kill -9` and a shell-script npm: POSIX only.
describe.skipIf(process.platform === 'win32')('add, after the CLI is killed (SIGKILL)', () => {
  it('waits for the install it left running, then puts back what it left and runs', async () => {
    const cwd = await tempDir();
    const cli = (args: string[], env: Record<string, string> = {}) =>
      execa('node', [BIN, ...args], {
        cwd: path.join(cwd, 'app'),
        reject: false,
        stdin: 'ignore',
        env: { NO_COLOR: '1', ...env },
      });
    const created = await execa(
      'node',
      [BIN, 'app', '--database', 'none', '--auth', 'none', '--no-install', '--no-git', '--yes'],
      { cwd, reject: false, stdin: 'ignore', env: { NO_COLOR: '1' } },
    );
    expect(created.exitCode, created.stderr).toBe(0);
    const dir = path.join(cwd, 'app');
    await mkdir(path.join(dir, 'node_modules/some-package'), { recursive: true });
    await writeFile(path.join(dir, 'package-lock.json'), '{"lockfileVersion":3}\n');

    // An npm whose install starts a node_modules, rewrites the lockfile, then takes its time.
    const bin = await tempDir();
    const started = path.join(bin, 'started');
    await writeFile(
      path.join(bin, 'npm'),
      `#!/bin/sh\nmkdir -p node_modules/half-installed\necho '{}' > package-lock.json\ntouch '${started}'\nexec sleep 60\n`,
    );
    await chmod(path.join(bin, 'npm'), 0o755);
    const killed = cli(['add', 'cache', 'redis'], { PATH: `${bin}:${process.env.PATH}` });
    onTestFinished(() => {
      killed.kill('SIGKILL');
    });
    await until(() => existsSync(started), 'the install to start');
    killed.kill('SIGKILL');
    await killed;
    const lock = JSON.parse(await readFile(path.join(dir, 'create-backend.lock'), 'utf8'));
    expect(lock).toMatchObject({ modulesAside: true, group: expect.any(Number) });
    // The install outlives the CLI (that is the point): stop it however the test ends.
    onTestFinished(() => {
      if (groupAlive(lock.group)) process.kill(-lock.group, 'SIGKILL');
    });
    expect(groupAlive(lock.group)).toBe(true);

    const refused = await cli(['add', 'cache', 'redis', '--no-install']);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr.trim()).toBe(
      `✖ An interrupted run (process ${lock.pid}) left a program it started (process group ${lock.group}) changing this project; wait for it to finish, or stop it with "kill -- -${lock.group}", then run this again.`,
    );
    expect(await readdir(path.join(dir, 'node_modules'))).toEqual(['half-installed']);

    process.kill(-lock.group, 'SIGKILL');
    await until(() => !groupAlive(lock.group), 'the install to end');
    const next = await cli(['add', 'cache', 'redis', '--no-install']);
    expect(next.exitCode, next.stderr).toBe(0);
    expect(next.stderr).toMatch(
      /^▲ Undid what an interrupted run \(process \d+\) left halfway: \d+ files and node_modules put back as they were\.$/m,
    );
    expect(next.stdout).toContain('Added cache redis.');
    expect((await readdir(dir)).filter((name) => name.includes('create-backend-'))).toEqual([]);
    expect(await readdir(path.join(dir, 'node_modules'))).toEqual(['some-package']);
    expect(await readFile(path.join(dir, 'package-lock.json'), 'utf8')).toBe(
      '{"lockfileVersion":3}\n',
    );
  });
});
