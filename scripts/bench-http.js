// Throughput of generated servers against their bare framework on an authenticated list:
// GET /api/v1/todos?limit=20 with a bearer token, against a real PostgreSQL.
//
//   BENCH_POSTGRES_URL=postgres://user:password@host:5432/db npm run bench:http
//   BENCH_POSTGRES_URL=… npm run bench:http -- fastify hono     (some frameworks only)
//
// The PostgreSQL URL comes from BENCH_POSTGRES_URL, else E2E_POSTGRES_URL; its role must be
// allowed to create databases. Without one the script says so and measures nothing.
//
// For each framework it generates a project (postgres + jwt, every middleware on, installed),
// builds it, creates a database of its own on that server, applies the migrations, registers a
// user and creates TODOS todos for them through the API. Then it loads two servers one after
// the other with autocannon, alternating for ROUNDS rounds (load generator and server share
// this machine, so single runs swing):
//   - bare: the framework with the same route doing the same work (scripts/bare/, run inside
//     the generated project so both use the same installed jose, pg and framework): verify the
//     JWT, run the same query, answer the same JSON, and nothing else;
//   - generated: the built project as it runs in production (NODE_ENV=production, LOG_LEVEL=info
//     with its request logger on, writing to /dev/null), its rate limits raised so the load is
//     never refused.
// Both answer the same token, and their first answers are compared before any load.
// The headline is the generated app's share of the bare server's req/s on the list; the goal
// is at least 70%. GET /health is measured on the same servers, for information.
// It prints median req/s, p99 latency and each server's own CPU time per request (Linux /proc),
// the steadier figure on a shared machine. The databases and projects are removed at the end.
// DURATION (s, default 10), CONNECTIONS (50), ROUNDS (3) and TODOS (30) tune the run.
// PROFILE=<dir> adds one more run of each server under `node --cpu-prof` (on the list, not
// counted in the figures), keeps the profiles in <dir> and prints where their time went by
// package and by function (scripts/cpu-profile.js), so the two can be compared.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isDeepStrictEqual, parseEnv } from 'node:util';
import autocannon from 'autocannon';
import { printSummary } from './cpu-profile.js';

const postgresUrl = process.env.BENCH_POSTGRES_URL || process.env.E2E_POSTGRES_URL;
if (!postgresUrl) {
  console.log(
    'bench:http measures against PostgreSQL: set BENCH_POSTGRES_URL (or E2E_POSTGRES_URL) to ' +
      'a server whose role may create databases, e.g. postgres://user:password@127.0.0.1:5432/postgres',
  );
  process.exit(0);
}

const root = path.resolve(import.meta.dirname, '..');
const frameworks = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['express', 'fastify', 'hono', 'nest'];
const duration = Number(process.env.DURATION ?? 10);
const connections = Number(process.env.CONNECTIONS ?? 50);
const rounds = Number(process.env.ROUNDS ?? 3);
const todoCount = Number(process.env.TODOS ?? 30);
const profileDir = process.env.PROFILE ? path.resolve(process.env.PROFILE) : undefined;
const target = 0.7;
const listPath = '/api/v1/todos?limit=20';
const servers = { bare: 'bare/bare.js', generated: 'dist/server.js' };

function run(command, args, cwd, env = {}) {
  const result = spawnSync(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}`);
}

// On a Linux machine with two or more cores, the server gets a core of its own and the load
// generator (this process) another, so they do not preempt each other mid-run. PostgreSQL is
// not pinned: it shares both cores, as a database on the same host would.
const pinned =
  process.platform === 'linux' &&
  availableParallelism() >= 2 &&
  spawnSync('taskset', ['-pc', '0', String(process.pid)], { stdio: 'ignore' }).status === 0;

async function start(cwd, script, env, nodeArgs = []) {
  // Below Linux's ephemeral range (32768 and up), where the load generator's own sockets live.
  const port = 20000 + Math.floor(Math.random() * 12000);
  const [command, args] = pinned
    ? ['taskset', ['-c', '1', process.execPath, ...nodeArgs, script]]
    : [process.execPath, [...nodeArgs, script]];
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300 && child.exitCode === null; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, child };
    } catch {}
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`${script} did not start`);
}

async function withServer(cwd, script, env, use) {
  const server = await start(cwd, script, env);
  try {
    return await use(server);
  } finally {
    server.child.kill('SIGKILL');
  }
}

// --- The database: one per framework, so runs never see each other's rows. ---

/** Runs one statement on the server with the generated project's own `pg`. */
async function adminQuery(dir, statement) {
  const pg = createRequire(path.join(dir, 'package.json'))('pg');
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    return await client.query(statement);
  } finally {
    await client.end();
  }
}

async function createDatabase(dir, name) {
  await adminQuery(dir, `create database "${name}"`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return url.href;
}

async function dropDatabase(dir, name) {
  // FORCE ends connections a killed server may have left behind (PostgreSQL 13 and later).
  await adminQuery(dir, `drop database if exists "${name}" with (force)`);
}

// --- The generated project and the data the list returns. ---

function generate(framework, dir) {
  run(
    process.execPath,
    [
      path.join(root, 'bin/create-backend.js'),
      dir,
      '--framework',
      framework,
      '--database',
      'postgres',
      '--auth',
      'jwt',
      '--yes',
      '--no-git',
    ],
    path.dirname(dir),
  );
  run('npm', ['run', 'build'], dir);
  // The bare servers import jose, pg and the framework from the project's node_modules.
  cpSync(path.join(root, 'scripts/bare'), path.join(dir, 'bare'), { recursive: true });
  cpSync(path.join(root, 'scripts/bare', `${framework}.js`), path.join(dir, 'bare/bare.js'));
}

/**
 * The environment both servers run with: production settings, the project's own JWT settings
 * from the `.env` written at creation, and limits high enough that the load is never refused.
 */
function serverEnv(dir, databaseUrl) {
  const dotenv = parseEnv(readFileSync(path.join(dir, '.env'), 'utf8'));
  // The bare server has no defaults of its own: it must verify with exactly these.
  for (const name of ['JWT_SECRET', 'JWT_ISSUER', 'JWT_AUDIENCE']) {
    if (!dotenv[name]) throw new Error(`the generated .env sets no ${name}`);
  }
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: dotenv.JWT_SECRET,
    JWT_ISSUER: dotenv.JWT_ISSUER,
    JWT_AUDIENCE: dotenv.JWT_AUDIENCE,
    // The token is signed once and used by every round, which may outlast the default 15 minutes.
    ACCESS_TOKEN_TTL: '1d',
    RATE_LIMIT_MAX: '1000000000',
    AUTH_RATE_LIMIT_MAX: '1000000000',
  };
}

async function post(url, body, token) {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  if (response.status !== 201) {
    throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
  }
  return response.json();
}

/** Registers a user and creates their todos through the API; returns their access token. */
async function seed(url) {
  const { accessToken } = await post(`${url}/api/v1/auth/register`, {
    email: 'bench@example.com',
    password: 'bench-password-1234',
  });
  for (let i = 1; i <= todoCount; i++) {
    await post(`${url}/api/v1/todos`, { title: `Todo ${i}` }, accessToken);
  }
  return accessToken;
}

/** The list as the server answers it, checked to be a full first page. */
async function firstPage(url, token) {
  const response = await fetch(`${url}${listPath}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = await response.text();
  if (response.status !== 200) {
    throw new Error(`GET ${listPath} answered ${response.status}: ${body}`);
  }
  const page = JSON.parse(body);
  if (page.data?.length !== Math.min(20, todoCount)) {
    throw new Error(`GET ${listPath} answered an unexpected page: ${body.slice(0, 200)}`);
  }
  return page;
}

// --- Measuring. ---

/** User + system CPU time of a process, in milliseconds (clock ticks are 10 ms on Linux). */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The status codes other than 2xx in an autocannon result, e.g. "401×12, 500×3". */
function otherStatuses(result) {
  return Object.entries(result.statusCodeStats ?? {})
    .filter(([status]) => !status.startsWith('2'))
    .map(([status, { count }]) => `${status}×${count}`);
}

async function load(server, requestPath, headers) {
  const options = { url: `${server.url}${requestPath}`, connections, headers };
  // A short warm-up lets the JIT settle (and the pool fill) before the measured run.
  await autocannon({ ...options, duration: 2 });
  const cpuBefore = cpuMs(server.child.pid);
  const result = await autocannon({ ...options, duration });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    cpuUs: ((cpuMs(server.child.pid) - cpuBefore) * 1000) / result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statuses: otherStatuses(result),
  };
}

/** One round on one server: the authenticated list, then /health. */
function measure(dir, script, env, token) {
  return withServer(dir, script, env, async (server) => ({
    list: await load(server, listPath, { authorization: `Bearer ${token}` }),
    health: await load(server, '/health', {}),
  }));
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
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    statuses: [...new Set(results.flatMap((r) => r.statuses))],
  };
}

/** Generates one framework's project and a database of its own, dropped at the end. */
async function benchFramework(framework, dir, databaseName) {
  generate(framework, dir);
  const databaseUrl = await createDatabase(dir, databaseName);
  try {
    return await benchDatabase(framework, dir, serverEnv(dir, databaseUrl));
  } finally {
    await dropDatabase(dir, databaseName).catch((error) =>
      console.error(`could not drop database ${databaseName}: ${error.message}`),
    );
  }
}

/** Migrates and seeds the framework's fresh database, then runs the alternating rounds. */
async function benchDatabase(framework, dir, env) {
  run(process.execPath, ['dist/db/migrate.js'], dir, env);
  const token = await withServer(dir, servers.generated, env, (server) => seed(server.url));

  // Both must answer the same page before their speeds mean anything.
  const pages = {};
  for (const [name, script] of Object.entries(servers)) {
    pages[name] = await withServer(dir, script, env, (server) => firstPage(server.url, token));
  }
  if (!isDeepStrictEqual(pages.bare, pages.generated)) {
    console.error(`warning: ${framework}'s bare and generated servers answer different pages:`);
    for (const [name, page] of Object.entries(pages)) {
      console.error(`  ${name}: ${JSON.stringify(page).slice(0, 300)}`);
    }
  }

  const runs = { bare: [], generated: [] };
  for (let round = 0; round < rounds; round++) {
    for (const [name, script] of Object.entries(servers)) {
      runs[name].push(await measure(dir, script, env, token));
    }
  }
  if (profileDir) {
    for (const name of ['bare', 'generated']) await profile(framework, name, dir, env, token);
  }
  return Object.fromEntries(
    Object.entries(runs).map(([name, results]) => [
      name,
      {
        list: medians(results.map((r) => r.list)),
        health: medians(results.map((r) => r.health)),
      },
    ]),
  );
}

/** One more loaded run of a server, under the profiler; prints its summary. */
async function profile(framework, name, dir, env, token) {
  const out = path.join(profileDir, framework, name);
  mkdirSync(out, { recursive: true });
  const server = await start(dir, servers[name], env, ['--cpu-prof', `--cpu-prof-dir=${out}`]);
  try {
    await load(server, listPath, { authorization: `Bearer ${token}` });
  } finally {
    // The profile is written when the process exits on its own: SIGTERM, then the drain.
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
  }
  // Named after the time it was written: the last is this run's.
  const file = readdirSync(out)
    .filter((name) => name.endsWith('.cpuprofile'))
    .sort()
    .at(-1);
  if (!file) throw new Error(`no CPU profile was written in ${out}`);
  console.log(`\n${framework}: the ${name} server on the list, profiled (${path.join(out, file)})`);
  printSummary(path.join(out, file));
}

// --- The report. ---

const number = (n) => Math.round(n).toLocaleString('en-US');
const percent = (ratio) => `${(ratio * 100).toFixed(0)}%`;

function printTable(title, results, endpoint) {
  console.log(`\n${title}\n`);
  console.log(
    `${'framework'.padEnd(10)} ${'server'.padEnd(10)} ${'req/s'.padStart(8)} ${'p99 ms'.padStart(7)} ${'CPU µs/req'.padStart(11)} ${'vs bare'.padStart(8)}`,
  );
  for (const [framework, result] of Object.entries(results)) {
    if (result instanceof Error) continue;
    for (const [server, figures] of Object.entries(result)) {
      const row = figures[endpoint];
      const ratio = percent(row.rps / result.bare[endpoint].rps);
      console.log(
        `${framework.padEnd(10)} ${server.padEnd(10)} ${number(row.rps).padStart(8)} ${number(row.p99).padStart(7)} ${number(row.cpuUs).padStart(11)} ${ratio.padStart(8)}`,
      );
      if (row.errors || row.non2xx) {
        const statuses = row.statuses.length ? ` (${row.statuses.join(', ')})` : '';
        console.log(`  ${row.errors} errors, ${row.non2xx} non-2xx answers${statuses}`);
      }
    }
  }
}

/** One line per framework: the generated app's share of bare on the list, and the verdict. */
function printVerdicts(results) {
  console.log(`\nTarget: the generated app keeps ${percent(target)} of bare or more on the list\n`);
  for (const [framework, result] of Object.entries(results)) {
    if (result instanceof Error) {
      console.log(`${framework.padEnd(10)} not measured: ${result.message}`);
      continue;
    }
    const ratio = result.generated.list.rps / result.bare.list.rps;
    const refused = result.bare.list.non2xx + result.generated.list.non2xx;
    const verdict = refused
      ? 'not valid: some answers were not 2xx'
      : ratio >= target
        ? 'meets the target'
        : 'below the target';
    console.log(`${framework.padEnd(10)} ${percent(ratio).padStart(4)}  ${verdict}`);
  }
}

const results = {};
for (const framework of frameworks) {
  const parent = mkdtempSync(path.join(tmpdir(), 'cb-bench-'));
  const dir = path.join(parent, `bench-${framework}`);
  const databaseName = `cb_bench_${framework}_${process.pid}`;
  console.error(`generating, building and seeding ${framework}…`);
  try {
    results[framework] = await benchFramework(framework, dir, databaseName);
  } catch (error) {
    // Other frameworks can still be measured; the report says why this one is missing.
    console.error(`${framework}: ${error.message}`);
    results[framework] = error;
  } finally {
    // An installed project is a few hundred MB.
    rmSync(parent, { recursive: true, force: true });
  }
}

const setup = `${connections} connections, ${duration} s × ${rounds} rounds (medians), Node ${process.version}${pinned ? ', server and load generator on separate cores' : ''}`;
printTable(
  `GET ${listPath} with a bearer token, ${todoCount} todos, PostgreSQL; ${setup}`,
  results,
  'list',
);
printVerdicts(results);
printTable('GET /health, for information', results, 'health');
if (Object.values(results).some((result) => result instanceof Error)) process.exitCode = 1;
