// Throughput of generated servers against their bare framework on GET /health.
//
//   npm run build && node scripts/bench-http.js [express fastify hono nest]
//
// For each framework it generates a project (postgres + jwt, every middleware on, installed),
// builds it, then loads four servers one after the other with autocannon, alternating for
// ROUNDS rounds (load generator and server share this machine, so single runs swing):
//   - bare: the framework with one route (scripts/bare/, run inside the generated project so
//     both use the same installed versions);
//   - bare + headers: the same, also sending the headers the generated app adds to that
//     response (security headers, request id, CORS), read from the generated app itself. It
//     shows what the contract's headers alone cost, before any middleware runs;
//   - generated: the built project, at the default LOG_LEVEL=info. Its request logger is on, but
//     it logs probes that succeed at debug, so /health writes no line;
//   - generated, logged: the same at LOG_LEVEL=debug, so /health writes its line as every
//     other route does at info.
// It prints the median req/s, p99 latency and throughput relative to bare. It also reads each
// server's own CPU time (Linux /proc) and prints CPU microseconds per request, the steadier
// figure on a shared machine.
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

/** The headers of `script`'s answer to GET /health. */
async function healthHeaders(cwd, script, env) {
  const server = await start(cwd, script, env);
  try {
    return (await fetch(`${server.url}/health`)).headers;
  } finally {
    server.child.kill('SIGKILL');
  }
}

/** The [name, value] pairs the generated app sends on /health and the bare server does not. */
async function addedHeaders(dir) {
  const bare = await healthHeaders(dir, 'bare.js', {});
  const generated = await healthHeaders(dir, 'dist/server.js', {});
  return [...generated].filter(([name]) => !bare.has(name));
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

const servers = ['bare', 'bare + headers', 'generated', 'generated, logged'];
const rows = [];
for (const framework of frameworks) {
  const runs = Object.fromEntries(servers.map((server) => [server, []]));
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
    const added = await addedHeaders(dir);
    console.error(
      `the generated app adds ${added.length} headers: ${added.map(([name]) => name).join(', ')}`,
    );
    const headers = JSON.stringify(added);

    for (let round = 0; round < rounds; round++) {
      runs.bare.push(await measure(dir, 'bare.js', {}));
      runs['bare + headers'].push(await measure(dir, 'bare.js', { BARE_HEADERS: headers }));
      // Logging stays on (to /dev/null), at info level as in production, then at debug.
      runs.generated.push(await measure(dir, 'dist/server.js', { LOG_LEVEL: 'info' }));
      runs['generated, logged'].push(await measure(dir, 'dist/server.js', { LOG_LEVEL: 'debug' }));
    }
  } finally {
    // An installed project is a few hundred MB.
    rmSync(parent, { recursive: true, force: true });
  }
  for (const server of servers) rows.push({ framework, server, ...medians(runs[server]) });
}

const number = (n) => Math.round(n).toLocaleString('en-US');
console.log(
  `\nGET /health, ${connections} connections, ${duration} s × ${rounds} rounds (medians), Node ${process.version}${pinned ? ', server and load generator on separate cores' : ''}\n`,
);
console.log(
  `${'framework'.padEnd(10)} ${'server'.padEnd(17)} ${'req/s'.padStart(8)} ${'p99 ms'.padStart(7)} ${'CPU µs/req'.padStart(11)} ${'vs bare'.padStart(8)}`,
);
for (const row of rows) {
  const bare = rows.find((r) => r.framework === row.framework && r.server === 'bare');
  const ratio = `${((row.rps / bare.rps) * 100).toFixed(0)}%`;
  console.log(
    `${row.framework.padEnd(10)} ${row.server.padEnd(17)} ${number(row.rps).padStart(8)} ${number(row.p99).padStart(7)} ${number(row.cpuUs).padStart(11)} ${ratio.padStart(8)}`,
  );
  if (row.errors) console.log(`  (${row.errors} errors or non-2xx answers)`);
}
