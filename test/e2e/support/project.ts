import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { execa, type Options } from 'execa';
import { inject } from 'vitest';
import { scriptCommand } from '../../../src/effects/package-manager.js';
import type { Choices, PackageManager } from '../../../src/options/schema.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const BIN = path.join(ROOT, 'bin/create-backend.js');

/** A clean environment for child processes: no CI variables of ours leak into the project. */
export function childEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('VITEST') && key !== 'NODE_ENV') env[key] = value;
  }
  return {
    ...env,
    npm_config_prefer_offline: 'true',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    ...extra,
  };
}

/**
 * The package manager a project is created, installed and checked with, and the environment
 * that puts its Node.js first on PATH (`test/e2e/support/toolchains.ts`).
 */
export interface Runtime {
  pm: PackageManager;
  env: Record<string, string>;
}

/** npm and the Node.js running the suite. */
export const SUITE_RUNTIME: Runtime = { pm: 'npm', env: {} };

const runtimeEnv = (runtime: Runtime, extra: Record<string, string>) =>
  runtime === SUITE_RUNTIME ? childEnv(extra) : { ...runtime.env, ...extra };

/** Generate a project with the built CLI (installing its dependencies), return its directory. */
export async function generateProject(
  name: string,
  choices: Choices,
  runtime: Runtime = SUITE_RUNTIME,
): Promise<string> {
  const parent = await mkdtemp(path.join(inject('e2eRoot'), `${name}-`));
  const flags = Object.entries(choices).flatMap(([key, value]) => [`--${key}`, value]);
  const pm = runtime === SUITE_RUNTIME ? [] : ['--pm', runtime.pm];
  await execa('node', [BIN, name, ...flags, ...pm, '--yes', '--no-git'], {
    cwd: parent,
    env: runtimeEnv(runtime, { CI: 'true' }),
    stdin: 'ignore',
  });
  return path.join(parent, name);
}

/** Run the built CLI's `add` in a project, as its user would, with the project's toolchain. */
export function addToProject(dir: string, args: string[], runtime: Runtime = SUITE_RUNTIME) {
  return execa('node', [BIN, 'add', ...args], {
    cwd: dir,
    env: runtimeEnv(runtime, { CI: 'true' }),
    stdin: 'ignore',
  });
}

/** Run a command in the project; the output is kept for the failure message. */
export async function run(
  dir: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
  { runtime = SUITE_RUNTIME, ...options }: Options & { runtime?: Runtime } = {},
) {
  const result = await execa(command, args, {
    cwd: dir,
    env: runtimeEnv(runtime, env),
    reject: false,
    all: true,
    stdin: 'ignore',
    ...options,
  });
  if (result.exitCode !== 0) {
    const what = [command, ...args].join(' ');
    throw new Error(`${what} failed (${result.exitCode}):\n${String(result.all).slice(-6000)}`);
  }
  return String(result.all);
}

/** Run a package script of the project with its package manager. */
export function runScript(
  dir: string,
  script: string,
  env: Record<string, string> = {},
  options: Options & { runtime?: Runtime } = {},
) {
  const { command, args } = scriptCommand(options.runtime?.pm ?? 'npm', script);
  return run(dir, command, args, env, options);
}

/** What `npm start` runs, without npm in between (so signals reach node): `node` and its arguments. */
export function startArgs(dir: string): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const [node, ...args] = String(scripts.start).split(' ');
  if (node !== 'node') throw new Error(`the start script does not run node: ${scripts.start}`);
  return args;
}

/** A running generated server. */
export interface Server {
  url: string;
  output: () => string;
  /** Send a signal and wait for the process to end; resolves with its exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** Start `npm start`'s command directly (so signals reach node), wait until /health answers. */
export async function startServer(
  dir: string,
  env: Record<string, string>,
  runtime: Runtime = SUITE_RUNTIME,
): Promise<Server> {
  const port = String(await freePort());
  const child = spawn('node', startArgs(dir), {
    cwd: dir,
    env: runtimeEnv(runtime, { PORT: port, HOST: '127.0.0.1', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  // 'close', not 'exit': by then everything the process wrote has been read.
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => resolve(code)),
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, () => output);
  return {
    url,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      child.kill(signal);
      return exited;
    },
  };
}

/**
 * A port nothing listens on now, for a server to start on. Other test files and other runs on
 * the machine start servers too: a port taken by one of them would have /health answered by
 * the wrong server. Below Linux's ephemeral range (32768 and up), which outgoing connections
 * take ports from.
 */
export async function freePort(
  draw: () => number = () => 20000 + Math.floor(Math.random() * 12000),
): Promise<number> {
  for (;;) {
    const port = draw();
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  // Generous: a server that starts an embedded database on a busy two-core machine is slow.
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output()}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not answer /health within 90 s:\n${output()}`);
}

/**
 * Run the server once and collect what it printed before exiting (for startup failures);
 * `through` is a command that runs it (`setpriv` and its options), if any.
 */
export async function runServerToExit(
  dir: string,
  env: Record<string, string>,
  runtime: Runtime = SUITE_RUNTIME,
  through: readonly string[] = [],
) {
  const [command = 'node', ...args] = [...through, 'node', ...startArgs(dir)];
  return execa(command, args, {
    cwd: dir,
    env: runtimeEnv(runtime, env),
    reject: false,
    all: true,
    timeout: 30_000,
    stdin: 'ignore',
  });
}

/** Wait until `check` holds (a log line written after the answer, a state reached), or fail. */
export async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
