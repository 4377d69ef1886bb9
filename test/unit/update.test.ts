import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProject } from '../../src/commands/create.js';
import { updateProject } from '../../src/commands/update.js';
import { CLI_VERSION } from '../../src/version.js';
import { fakeRunner, tempDir, testContext } from '../support/context.js';

async function project(): Promise<string> {
  const cwd = await tempDir();
  await createProject(
    { directory: 'app', deploy: 'none', ci: 'none', install: false, git: false },
    testContext({ cwd }),
  );
  return path.join(cwd, 'app');
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile());
  return Object.fromEntries(
    await Promise.all(
      files.map(async (entry) => {
        const full = path.join(entry.parentPath, entry.name);
        return [path.relative(dir, full), await readFile(full, 'utf8')] as const;
      }),
    ),
  );
}

/** A package directory standing for this version: its CLI generates what this one does. */
async function thisVersionPackage(generated: string): Promise<{
  dir: string;
  run: ReturnType<typeof fakeRunner>;
}> {
  const dir = await tempDir();
  await mkdir(path.join(dir, 'bin'));
  await writeFile(path.join(dir, 'bin/create-backend.js'), '');
  const run = fakeRunner(async (_command, [, target]) => {
    if (target) await cp(generated, target, { recursive: true });
    return { exitCode: 0, output: '' };
  });
  return { dir, run };
}

describe('update', () => {
  it.each([
    [
      '9.9.9',
      'This is create-backend-stack 0.1.0; to update to 9.9.9, run "npx create-backend-stack@9.9.9 update".',
    ],
    // The suggested command would carry the rest to a shell.
    ['1.0.0; rm -rf ~', 'Invalid value "1.0.0; rm -rf ~" for --to: use a version, e.g. 0.1.0.'],
  ])('refuses --to %s in one line, changing nothing', async (to, message) => {
    const dir = await project();
    const before = await snapshot(dir);
    await expect(updateProject({ to }, testContext({ cwd: dir }))).rejects.toThrow(
      message.replaceAll('0.1.0', CLI_VERSION),
    );
    expect(await snapshot(dir)).toEqual(before);
  });

  it('stops the baseline fetch on a stop signal, changing nothing and letting go of the lock', async () => {
    const dir = await project();
    const manifestPath = path.join(dir, 'create-backend.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    await writeFile(manifestPath, JSON.stringify({ ...manifest, version: '0.0.1' }));
    const before = await snapshot(dir);
    const run = fakeRunner((_command, _args, options) => {
      process.emit('SIGINT', 'SIGINT');
      // Stopped, as a real npm pack is: the runner kills what it started.
      expect(options.signal?.aborted).toBe(true);
      return { exitCode: -1, output: 'Command was canceled' };
    });
    const ctx = testContext({ cwd: dir, run, env: { CREATE_BACKEND_CACHE: await tempDir() } });
    await expect(updateProject({}, ctx)).rejects.toMatchObject({
      exitCode: 130,
      message: 'Cancelled',
    });
    expect(run.calls).toEqual([expect.stringMatching(/^npm pack create-backend-stack@0\.0\.1/)]);
    expect(await snapshot(dir)).toEqual(before);
  });

  it.each([
    ['without --baseline', false],
    ["with --baseline naming this version's package", true],
  ])(
    'on a project this version made, %s, says it is up to date and writes nothing',
    async (_, withBaseline) => {
      const dir = await project();
      const before = await snapshot(dir);
      const pkg = await thisVersionPackage(dir);
      const ctx = testContext({ cwd: dir, run: pkg.run });

      const result = await updateProject(
        { json: true, ...(withBaseline ? { baseline: pkg.dir } : {}) },
        ctx,
      );

      expect(result).toMatchObject({
        from: CLI_VERSION,
        to: CLI_VERSION,
        changes: [],
        upToDate: true,
        installed: false,
      });
      expect(ctx.logger.lines).toEqual([
        `This project is already up to date with create-backend-stack ${CLI_VERSION}.`,
      ]);
      expect(await snapshot(dir)).toEqual(before);
    },
  );
});
