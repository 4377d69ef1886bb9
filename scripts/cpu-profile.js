// Summarises a V8 CPU profile (`node --cpu-prof`): where the sampled time went, by package (the
// folder under node_modules, Node's own code, the project) and by function, self time only.
//   node scripts/cpu-profile.js <file.cpuprofile> [top]
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The package a script URL belongs to: `pino`, `@fastify/helmet`, `node:internal`, `app`. */
export function packageOf(url) {
  if (!url) return '(native or idle)';
  if (url.startsWith('node:')) return 'node (built-in)';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(url);
  return match ? match[1] : 'the app';
}

/** Self time per package and per function, in percent of all samples, largest first. */
export function summarise(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const counts = new Map();
  for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  const total = profile.samples.length;
  const packages = new Map();
  const functions = new Map();
  for (const [id, count] of counts) {
    const { callFrame } = byId.get(id);
    const pkg = packageOf(callFrame.url);
    const name = callFrame.functionName || '(anonymous)';
    const file = callFrame.url.split('/').slice(-2).join('/');
    const where = `${name} ${pkg === 'the app' || !callFrame.url ? file : `${pkg}:${file}`}:${callFrame.lineNumber + 1}`;
    packages.set(pkg, (packages.get(pkg) ?? 0) + count);
    functions.set(where, (functions.get(where) ?? 0) + count);
  }
  const share = (map) =>
    [...map]
      .map(([name, count]) => ({ name, percent: (count * 100) / total }))
      .sort((a, b) => b.percent - a.percent);
  return { packages: share(packages), functions: share(functions) };
}

export function printSummary(file, top = 15) {
  const { packages, functions } = summarise(JSON.parse(readFileSync(file, 'utf8')));
  const line = ({ name, percent }) => `${percent.toFixed(1).padStart(6)} %  ${name}`;
  console.log('\nSelf time by package:');
  for (const row of packages.slice(0, top)) console.log(line(row));
  console.log('\nSelf time by function:');
  for (const row of functions.slice(0, top)) console.log(line(row));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!process.argv[2]) {
    console.error('usage: node scripts/cpu-profile.js <file.cpuprofile> [top]');
    process.exit(1);
  }
  printSummary(process.argv[2], Number(process.argv[3] ?? 15));
}
