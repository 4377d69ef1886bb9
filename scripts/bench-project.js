// Measures a generated project's first run, as a user meets it after `create`:
//   - `npm run dev` on a fresh checkout (no .data/: the embedded database is created and
//     migrated) until GET /health answers 200, and again once it has stopped (a restart, the
//     data directory already there);
//   - the project's own `npm test`;
//   - `node -e ""` in the same run, the floor every figure stands on.
// It creates the default project (express) and one per other framework (postgres on embedded
// PGlite, jwt: the defaults), installed with npm preferring its cache to the network.
//
//   npm run bench:project                    (every framework)
//   npm run bench:project -- fastify hono    (some frameworks only)
//
// RUNS (default 3) dev starts of each kind per project. It prints median wall times and, on
// Linux, median CPU time (user + system of every process involved, from /proc), the steadier
// figure on a shared machine; the load average is printed along. Between runs the dev server's
// whole process group is stopped. KEEP_BENCH=1 keeps the projects.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { childrenCpu, duration, load, median } from './bench-support.js';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/create-backend.js');
const frameworks = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['express', 'fastify', 'hono', 'nest'];
const runs = Number(process.env.RUNS ?? 3);
const env = { ...process.env, CI: 'true', NO_COLOR: '1', npm_config_prefer_offline: 'true' };
const startTimeout = 300_000;

/** Wall and CPU time of a command run to its end; throws with its output if it fails. */
function timed(command, args, cwd) {
  const cpu = childrenCpu();
  const start = performance.now();
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  const wall = performance.now() - start;
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed in ${cwd}:\n${result.stdout}${result.stderr}`,
    );
  }
  return { wall, cpu: childrenCpu() - cpu };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function answers(url) {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).status === 200;
  } catch {
    return false;
  }
}

/**
 * CPU time (user + system, with the children they reaped) of the live processes of a group,
 * from /proc on Linux: what the dev server's processes have spent so far.
 */
function groupCpu(pgid) {
  if (process.platform !== 'linux') return Number.NaN;
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let stat;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== pgid) continue;
    ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  }
  return ticks * 10;
}

/** Whether any process of the group is left. */
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops the whole process group (npm, the shell, tsx's watcher, the server, pino-pretty). */
async function stopGroup(pgid) {
  for (const [signal, wait] of [
    ['SIGTERM', 15_000],
    ['SIGKILL', 5_000],
  ]) {
    if (!groupAlive(pgid)) return;
    process.kill(-pgid, signal);
    const until = Date.now() + wait;
    while (groupAlive(pgid) && Date.now() < until) await sleep(50);
  }
}

/**
 * Wall time from spawning `npm run dev` to GET /health answering 200, and the CPU time its
 * processes spent until then.
 */
async function devStart(cwd) {
  const port = await freePort();
  const start = performance.now();
  // A group of its own, so that stopping it reaches every process the script starts.
  const child = spawn('npm', ['run', 'dev'], {
    cwd,
    env: { ...env, PORT: String(port) },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  try {
    while (!(await answers(`http://127.0.0.1:${port}/health`))) {
      if (exited || performance.now() - start > startTimeout) {
        throw new Error(`npm run dev did not answer /health in ${cwd}:\n${output}`);
      }
      await sleep(50);
    }
    return { wall: performance.now() - start, cpu: groupCpu(child.pid) };
  } finally {
    await stopGroup(child.pid);
  }
}

function report(label, samples) {
  const wall = samples.map((sample) => sample.wall);
  const cpu = samples.map((sample) => sample.cpu);
  const range =
    samples.length > 1
      ? `   (wall ${duration(Math.min(...wall)).trim()} to ${duration(Math.max(...wall)).trim()})`
      : '';
  console.log(
    `${label.padEnd(32)} ${duration(median(wall))}   CPU ${duration(median(cpu))}${range}`,
  );
}

const work = mkdtempSync(path.join(tmpdir(), 'cb-bench-project-'));
console.log(`load average (1 min) at the start: ${load()}; projects in ${work}`);
try {
  const baseline = [];
  for (const framework of frameworks) {
    const name = framework === 'express' ? 'default' : framework;
    const dir = path.join(work, name);
    const flags = framework === 'express' ? [] : ['--framework', framework];
    console.log(`\n${name} (${framework}, postgres on PGlite, jwt)`);
    report('create, npm install, database', [
      timed(process.execPath, [bin, name, '--yes', '--no-git', ...flags], work),
    ]);

    const first = [];
    const restart = [];
    for (let i = 0; i < runs; i++) {
      rmSync(path.join(dir, '.data'), { recursive: true, force: true });
      baseline.push(timed(process.execPath, ['-e', ''], dir));
      first.push(await devStart(dir));
      restart.push(await devStart(dir));
    }
    report('npm run dev, fresh checkout', first);
    report('npm run dev, restart', restart);
    report('npm test', [timed('npm', ['test'], dir)]);
    console.log(`load average (1 min): ${load()}`);
  }
  console.log('');
  report('node -e "" (baseline)', baseline);
} finally {
  if (process.env.KEEP_BENCH) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
