// Measures what a user waits for: CLI start-up and a full scaffold (no install, no git), beside
// create-vite scaffolding its react-ts template, median of several runs, plus the size of what
// npx downloads. `npm run bench` builds first. The scaffolds alternate, so a busy machine slows
// both alike; the ratio is the steadier figure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { childrenCpu, load, median, ms } from './bench-support.js';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/create-backend.js');
const runs = Number(process.env.RUNS ?? 15);
// Installed from the registry into a temp dir, not a dependency of this repository.
const CREATE_VITE = 'create-vite@9.3.0';

// NODE_EXTRA_CA_CERTS makes every Node process read and parse those certificates as it starts
// (about 30 ms of CPU on the machines this was measured on, where it points at a proxy's CA):
// the same cost in every run, which a user's machine rarely has. The runs go without it.
const { NODE_EXTRA_CA_CERTS, ...env } = process.env;
if (NODE_EXTRA_CA_CERTS) console.log('(NODE_EXTRA_CA_CERTS is left unset for the runs)');

/** Wall and CPU time of one run of `node args` in `cwd`; throws if it fails. */
function run(label, args, cwd) {
  const cpu = childrenCpu();
  const start = performance.now();
  const result = spawnSync(process.execPath, args, {
    cwd,
    env: { ...env, CI: 'true', NO_COLOR: '1' },
  });
  const wall = performance.now() - start;
  if (result.status !== 0) throw new Error(`${label} failed: ${result.stderr}`);
  return { wall, cpu: childrenCpu() - cpu };
}

// CPU time from /proc counts in 10 ms ticks: the mean of many runs resolves finer than the median.
const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;

function report(label, samples, extra = '') {
  const wall = samples.map((sample) => sample.wall);
  const cpu = samples.map((sample) => sample.cpu);
  console.log(
    `${label.padEnd(36)} median ${ms(median(wall))}  min ${ms(Math.min(...wall))}  CPU median ${ms(median(cpu))}, mean ${ms(mean(cpu))}${extra}`,
  );
}

function countFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    .length;
}

function size(dir) {
  return readdirSync(dir, { recursive: true })
    .map((entry) => statSync(path.join(dir, entry)))
    .filter((s) => s.isFile())
    .reduce((sum, s) => sum + s.size, 0);
}

/** create-vite's entry, installed into a temp dir; undefined (and a line why) without npm. */
function installCreateVite(dir) {
  const npm = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', CREATE_VITE], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (npm.status === 0) return path.join(dir, 'node_modules/create-vite/index.js');
  console.log(`(${CREATE_VITE} could not be installed, so it is left out: ${npm.stderr.trim()})`);
  return undefined;
}

const loadAtStart = load();
const work = mkdtempSync(path.join(tmpdir(), 'cb-bench-'));
try {
  const createVite = installCreateVite(work);

  const baseline = [];
  const version = [];
  const list = [];
  for (let i = 0; i < runs; i++) {
    baseline.push(run('node', ['-e', ''], work));
    version.push(run('--version', [bin, '--version'], work));
    list.push(run('list --json', [bin, 'list', '--json'], work));
  }
  report('node -e "" (baseline)', baseline);
  report('create-backend --version', version);
  report('create-backend list --json', list);

  const ours = [];
  const vite = [];
  let files = { ours: 0, vite: 0 };
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(path.join(work, 'run-'));
    ours.push(run('scaffold', [bin, 'app', '--yes', '--no-install', '--no-git'], dir));
    if (createVite) {
      vite.push(run('create-vite', [createVite, 'web', '--template', 'react-ts'], dir));
    }
    files = {
      ours: countFiles(path.join(dir, 'app')),
      vite: createVite ? countFiles(path.join(dir, 'web')) : 0,
    };
    rmSync(dir, { recursive: true, force: true });
  }
  report('scaffold (defaults, no install/git)', ours, `   ${files.ours} files`);
  if (createVite) {
    report(`${CREATE_VITE} (react-ts)`, vite, `   ${files.vite} files`);
    const ratio = (key, average) =>
      (average(ours.map((s) => s[key])) / average(vite.map((s) => s[key]))).toFixed(2);
    console.log(
      `scaffold / create-vite: ${ratio('wall', median)}x wall (medians), CPU ${ratio('cpu', median)}x (medians), ${ratio('cpu', mean)}x (means)`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`load average (1 min): ${loadAtStart} at the start, ${load()} at the end`);
console.log(
  `dist/ (the package, with its templates) ${(size(path.join(root, 'dist')) / 1024).toFixed(0)} kB`,
);
