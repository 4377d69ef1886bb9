// Measures what a user waits for: CLI start-up and a full scaffold (no install, no git),
// median of several runs, plus the size of what npx downloads. Run after `npm run build`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/create-backend.js');
const runs = Number(process.env.RUNS ?? 15);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(label, args, { cwd = root, setup } = {}) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const dir = setup?.() ?? cwd;
    const start = performance.now();
    const result = spawnSync(process.execPath, [bin, ...args], {
      cwd: dir,
      env: { ...process.env, CI: 'true' },
    });
    samples.push(performance.now() - start);
    if (result.status !== 0) throw new Error(`${label} failed: ${result.stderr}`);
    if (setup) rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `${label.padEnd(34)} median ${median(samples).toFixed(0).padStart(4)} ms   min ${Math.min(...samples).toFixed(0)} ms`,
  );
}

function baseline() {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    spawnSync(process.execPath, ['-e', '']);
    samples.push(performance.now() - start);
  }
  console.log(
    `${'node -e "" (baseline)'.padEnd(34)} median ${median(samples).toFixed(0).padStart(4)} ms`,
  );
}

function size(dir) {
  return readdirSync(dir, { recursive: true })
    .map((entry) => statSync(path.join(dir, entry)))
    .filter((s) => s.isFile())
    .reduce((sum, s) => sum + s.size, 0);
}

baseline();
time('create-backend --version', ['--version']);
time('create-backend list --json', ['list', '--json']);
time('scaffold (defaults, no install/git)', ['app', '--yes', '--no-install', '--no-git'], {
  setup: () => mkdtempSync(path.join(tmpdir(), 'cb-bench-')),
});
console.log(
  `dist/ ${(size(path.join(root, 'dist')) / 1024).toFixed(0)} kB, templates/ ${(size(path.join(root, 'templates')) / 1024).toFixed(0)} kB`,
);
