// Throughput of generated servers against their bare framework on GET /health.
//
//   npm run build && node scripts/bench-http.js [express fastify hono nest]
//
// For each framework it generates a project (postgres + jwt, every middleware on, installed),
// builds it, then loads the generated server and a bare server of the same framework (from
// scripts/bare/, run inside the generated project so both use the same installed versions)
// one after the other with autocannon, alternating for ROUNDS rounds (load generator and
// server share this machine, so single runs swing), and prints the median req/s, p99 latency
// and the ratio of the medians. It also reads the server's own CPU time (Linux /proc) and
// prints CPU microseconds per request: with the load generator on the same two cores, larger
// responses (security headers) cost the client too, so throughput alone overstates the
// server-side difference.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';

const root = path.resolve(import.meta.dirname, '..');
const frameworks = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['express', 'fastify', 'hono', 'nest'];
const duration = Number(process.env.DURATION ?? 10);
const connections = Number(process.env.CONNECTIONS ?? 50);
const rounds = Number(process.env.ROUNDS ?? 3);

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}`);
}

// On a Linux machine with two or more cores, the server gets a core of its own and the load
// generator (this process) another, so they do not preempt each other mid-run.
const pinned =
  process.platform === 'linux' &&
  availableParallelism() >= 2 &&
  spawnSync('taskset', ['-pc', '0', String(process.pid)], { stdio: 'ignore' }).status === 0;

async function start(cwd, script, env) {
  const port = 40000 + Math.floor(Math.random() * 10000);
  const [command, args] = pinned
    ? ['taskset', ['-c', '1', process.execPath, script]]
    : [process.execPath, [script]];
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, child };
    } catch {}
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`${script} did not start`);
}

/** User + system CPU time of a process, in milliseconds (clock ticks are 10 ms on Linux). */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function load(url, pid) {
  // A short warm-up lets the JIT settle before the measured run.
  await autocannon({ url: `${url}/health`, connections, duration: 2 });
  const cpuBefore = cpuMs(pid);
  const result = await autocannon({ url: `${url}/health`, connections, duration });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    cpuUs: ((cpuMs(pid) - cpuBefore) * 1000) / result.requests.total,
    errors: result.errors + result.non2xx,
  };
}

async function measure(cwd, script, env) {
  const server = await start(cwd, script, env);
  try {
    return await load(server.url, server.child.pid);
  } finally {
    server.child.kill('SIGKILL');
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function medians(results) {
  return {
    rps: median(results.map((r) => r.rps)),
    p99: median(results.map((r) => r.p99)),
    cpuUs: median(results.map((r) => r.cpuUs)),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
  };
}

const rows = [];
for (const framework of frameworks) {
  const runs = { bare: [], generated: [] };
  const parent = mkdtempSync(path.join(tmpdir(), 'cb-bench-'));
  const dir = path.join(parent, `bench-${framework}`);
  console.error(`generating and building ${framework}…`);
  try {
    run(
      process.execPath,
      [
        path.join(root, 'bin/create-backend.js'),
        dir,
        '--framework',
        framework,
        '--yes',
        '--no-git',
      ],
      parent,
    );
    run('npm', ['run', 'build'], dir);
    copyFileSync(path.join(root, 'scripts/bare', `${framework}.js`), path.join(dir, 'bare.js'));

    for (let round = 0; round < rounds; round++) {
      runs.bare.push(await measure(dir, 'bare.js', {}));
      // Logging stays on at info level (to /dev/null), as in production.
      runs.generated.push(await measure(dir, 'dist/server.js', { LOG_LEVEL: 'info' }));
    }
  } finally {
    // An installed project is a few hundred MB.
    rmSync(parent, { recursive: true, force: true });
  }
  rows.push({ framework, bare: medians(runs.bare), generated: medians(runs.generated) });
}

const fmt = (n) => n.toFixed(0).padStart(7);
console.log(
  `\nGET /health, ${connections} connections, ${duration} s × ${rounds} rounds (medians), Node ${process.version}${pinned ? ', server and load generator on separate cores' : ''}\n`,
);
console.log(
  'framework   bare req/s  p99 ms  CPU µs/req   generated req/s  p99 ms  CPU µs/req   req/s ratio  CPU ratio',
);
for (const { framework, bare, generated } of rows) {
  const ratio = ((generated.rps / bare.rps) * 100).toFixed(0);
  const cpuRatio = ((bare.cpuUs / generated.cpuUs) * 100).toFixed(0);
  console.log(
    `${framework.padEnd(10)} ${fmt(bare.rps)}    ${fmt(bare.p99)}   ${fmt(bare.cpuUs)}      ${fmt(generated.rps)}        ${fmt(generated.p99)}   ${fmt(generated.cpuUs)}      ${ratio.padStart(6)}%    ${cpuRatio.padStart(5)}%`,
  );
  if (bare.errors || generated.errors)
    console.log(`  (errors: bare ${bare.errors}, generated ${generated.errors})`);
}
