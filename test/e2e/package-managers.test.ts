import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  cleanInstallCommand,
  LOCKFILES,
  scriptCommand,
} from '../../src/effects/package-manager.js';
import {
  everyPackageManagerRow,
  type PackageManagerRow,
  rowChoices,
  rowEngines,
} from './support/package-manager-matrix.js';
import { freePort } from './support/project.js';
import { satisfiesNode, type Toolchain, Toolchains } from './support/toolchains.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/create-backend.js');
const supported = process.platform === 'linux' && process.arch === 'x64';
// Every package manager on every Node.js line with every framework (`npm run test:matrix`).
const rows = everyPackageManagerRow();
const name = (row: PackageManagerRow) =>
  `${row.pm}-node${row.node}-${row.framework}-${row.database}`;

let toolchains: Toolchains;
beforeAll(() => {
  // A folder of its own: generated-project.test.ts may fetch the same toolchains at the same
  // time in the other worker.
  toolchains = new Toolchains(path.join(inject('e2eRoot'), 'toolchains-package-managers'));
});

/** Run a command of the project's toolchain; the output is kept for the failure message. */
async function run(toolchain: Toolchain, cwd: string, command: string, args: string[]) {
  const result = await execa(command, args, {
    cwd,
    env: toolchain.env,
    reject: false,
    all: true,
    stdin: 'ignore',
  });
  if (result.exitCode !== 0) {
    const what = [command, ...args].join(' ');
    throw new Error(`${what} failed (${result.exitCode}):\n${String(result.all).slice(-6000)}`);
  }
  return String(result.all);
}

/** `<pm> start`, until GET /health answers; stopped with its whole process group. */
async function start(toolchain: Toolchain, dir: string) {
  const port = String(await freePort());
  const { command, args } = scriptCommand(toolchain.pm, 'start');
  const child: ChildProcess = spawn(command, args, {
    cwd: dir,
    env: { ...toolchain.env, PORT: port, HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`start exited (${child.exitCode}):\n${output}`);
    const reply = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
    if (reply) return { reply, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`start did not answer /health within 90 s:\n${output}`);
}

describe.skipIf(!supported).each(rows.map((row) => [name(row), row] as const))(
  '%s',
  (project, row) => {
    let toolchain: Toolchain;
    let dir: string;

    beforeAll(async () => {
      toolchain = await toolchains.get(row.pm, row.node);
      const parent = await mkdtemp(path.join(inject('e2eRoot'), `pm-${project}-`));
      const flags = Object.entries(rowChoices(row)).flatMap(([key, value]) => [`--${key}`, value]);
      console.info(
        `${project}: Node.js ${toolchain.nodeVersion}, ${row.pm} ${toolchain.pmVersion}`,
      );
      // Run by this Node.js, and installing with the package manager of the row.
      await run(toolchain, parent, path.join(toolchain.bin, 'node'), [
        BIN,
        'app',
        ...flags,
        '--pm',
        row.pm,
        '--yes',
        '--no-git',
      ]);
      dir = path.join(parent, 'app');
    });

    it('is created and installed, pinning the package manager and the Node.js it runs on', async () => {
      const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
      expect(pkg.engines.node).toBe(rowEngines(row));
      expect(satisfiesNode(toolchain.nodeVersion, pkg.engines.node)).toBe(true);
      expect(pkg.packageManager).toBe(
        row.pm === 'npm' ? undefined : `${row.pm}@${toolchain.pmVersion}`,
      );
      await expect(readFile(path.join(dir, LOCKFILES[row.pm]))).resolves.toBeDefined();
      // What CI and the Dockerfile run: an install that must not change the lockfile.
      const [command, ...args] = cleanInstallCommand(row.pm).split(' ') as [string, ...string[]];
      await run(toolchain, dir, command, args);
    });

    it('passes its own lint, typecheck, tests and build', async () => {
      for (const script of ['lint', 'typecheck', 'test', 'build']) {
        const { command, args } = scriptCommand(row.pm, script);
        await run(toolchain, dir, command, args);
      }
    });

    describe('started with the .env written at creation', () => {
      let server: Awaited<ReturnType<typeof start>> | undefined;
      afterAll(async () => {
        await server?.stop();
      });

      it('answers GET /health', async () => {
        server = await start(toolchain, dir);
        expect(server.reply.status).toBe(200);
        expect(await server.reply.json()).toEqual({ status: 'ok' });
      });
    });
  },
);
