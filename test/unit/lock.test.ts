import { readdir, readFile, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/errors.js';
import { LOCK_FILE, parseLock, withProjectLock } from '../../src/project/lock.js';
import { tempDir } from '../support/context.js';

describe('withProjectLock', () => {
  it('holds the project while the step runs and lets go afterwards, even when it fails', async () => {
    const root = await tempDir();
    await withProjectLock(root, async () => {
      expect(await readdir(root)).toEqual([LOCK_FILE]);
    });
    expect(await readdir(root)).toEqual([]);
    await expect(withProjectLock(root, () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(await readdir(root)).toEqual([]);
  });

  it('refuses a second run while the first holds the lock, naming the way out', async () => {
    const root = await tempDir();
    await withProjectLock(root, async () => {
      const second = withProjectLock(root, async () => 'ran');
      await expect(second).rejects.toBeInstanceOf(CliError);
      await expect(second).rejects.toThrow(
        `Another create-backend run (process ${process.pid}) is changing this project; wait for it to finish. If none is running, delete ${LOCK_FILE}.`,
      );
    });
  });

  it('takes over the lock of a run that is gone, and says so', async () => {
    const root = await tempDir();
    // Process ids are below 2^22 on Linux: this one cannot be running.
    await writeFile(path.join(root, LOCK_FILE), '2147483646\n');
    const stale: string[] = [];
    const result = await withProjectLock(
      root,
      async () => 'ran',
      (message) => stale.push(message),
    );
    expect(result).toBe('ran');
    expect(stale).toEqual(['Took over the lock of an interrupted run (process 2147483646).']);
    expect(await readdir(root)).toEqual([]);
  });

  it('waits for the record of a run that has just made the lock, rather than take it over', async () => {
    const root = await tempDir();
    const lock = path.join(root, LOCK_FILE);
    // What a run shows between creating the lock and writing its record in it.
    await writeFile(lock, '');
    const second = withProjectLock(root, async () => 'ran');
    await setTimeout(100);
    await writeFile(lock, `${JSON.stringify({ pid: process.pid })}\n`);
    await expect(second).rejects.toThrow(`Another create-backend run (process ${process.pid})`);
  });

  it('takes over an empty lock left long ago', async () => {
    const root = await tempDir();
    const lock = path.join(root, LOCK_FILE);
    await writeFile(lock, '');
    const minuteAgo = new Date(Date.now() - 60_000);
    await utimes(lock, minuteAgo, minuteAgo);
    expect(await withProjectLock(root, async () => 'ran')).toBe('ran');
    expect(await readdir(root)).toEqual([]);
  });

  it('never writes its notes through a symlink a project brings (a cloned repository)', async () => {
    const root = await tempDir();
    const outside = path.join(await tempDir(), 'precious.txt');
    await writeFile(outside, 'mine\n');
    await symlink(outside, path.join(root, `${LOCK_FILE}.next`));
    await withProjectLock(root, async (journal) => {
      journal.note({ work: '.create-backend-0123' });
    });
    expect(await readFile(outside, 'utf8')).toBe('mine\n');
    expect(await readdir(root)).toEqual([]);
  });

  it('notes in the lock what its holder is about to do, for a later run to undo', async () => {
    const root = await tempDir();
    await withProjectLock(root, async (journal) => {
      journal.note({ work: '.create-backend-0123', modulesAside: true });
      journal.note({ group: 4242 });
      journal.note({ group: undefined });
      expect(parseLock(await readFile(path.join(root, LOCK_FILE), 'utf8'))).toEqual({
        pid: process.pid,
        work: '.create-backend-0123',
        modulesAside: true,
      });
      expect(await readdir(root)).toEqual([LOCK_FILE]);
    });
    expect(await readdir(root)).toEqual([]);
  });
});
