// Bundles the CLI and its runtime packages into dist/ so `npx create-backend` installs one small
// package with no dependencies. Code used only by some commands (prompts, templates, process
// runner) is split into chunks loaded on demand, keeping start-up fast.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { precompileForBundle } from './precompile.js';

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });

// commander requires node:child_process when it loads, for executable subcommands (a program
// run as `<name>-<command>`), which this CLI has none of; loading it and the modules it pulls in
// (net, dgram, …) costs a scaffold several milliseconds. It is required at the first spawn now.
const lazyChildProcess = {
  name: 'commander-lazy-child-process',
  setup(build) {
    build.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const eager = "const childProcess = require('node:child_process');";
      const source = await readFile(args.path, 'utf8');
      if (!source.includes(eager)) {
        throw new Error(`${args.path}: commander no longer loads child_process as expected`);
      }
      const lazy =
        "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

const result = await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.12',
  minify: true,
  legalComments: 'linked',
  // Flat: src/paths.ts resolves ../templates from whichever file it lands in.
  chunkNames: '[name]-[hash]',
  metafile: true,
  banner: {
    // Bundled CommonJS packages (handlebars, cross-spawn) still call require().
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
  plugins: [lazyChildProcess],
});

// The package carries its templates in dist/, as the code that renders them expects them:
// every file of templates/, one JSON file per module folder (templateGroup in
// src/plan/precompiled.ts, the same rule), so that a run reads and parses only those of the
// modules it renders, lists no directory, and compiles no template. Each `.hbs` is precompiled
// with COMPILE_OPTIONS' options (scripts/precompile.js) and kept as a JSON string, so that a
// run turns into functions only the templates it renders. From source (src/, the tests),
// templates/ is read and compiled.
const options = {
  noEscape: true,
  strict: true,
  knownHelpers: { eq: true, or: true, hasPartial: true, imports: true },
  knownHelpersOnly: true,
};
const templateGroup = (file) => {
  const parts = file.split('/');
  return parts.slice(0, parts[0] === 'frameworks' ? 3 : 1).join('/');
};
const templates = new URL('../templates/', import.meta.url);
const groups = new Map();
let count = 0;
const entries = (await readdir(templates, { recursive: true, withFileTypes: true }))
  .filter((entry) => entry.isFile())
  .map((entry) => path.relative(fileURLToPath(templates), path.join(entry.parentPath, entry.name)))
  .map((file) => file.split(path.sep).join('/'))
  .sort();
for (const file of entries) {
  const content = await readFile(new URL(file, templates), 'utf8');
  const bundled = { path: file, content };
  if (file.endsWith('.hbs')) {
    bundled.precompiled = await precompileForBundle(content, options);
    count++;
  }
  const group = templateGroup(file);
  if (!groups.has(group)) groups.set(group, []);
  groups.get(group).push(bundled);
}
// The bundle carries other packages' code, so the package carries their licences (MIT, ISC
// and BSD all ask for the notice to travel with the code): one file, a section per package.
const bundledPackages = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const at = input.lastIndexOf('node_modules/');
  if (at === -1) continue;
  const [scope, name] = input.slice(at + 'node_modules/'.length).split('/');
  bundledPackages.add(
    `${input.slice(0, at)}node_modules/${scope?.startsWith('@') ? `${scope}/${name}` : scope}`,
  );
}
const notices = [];
for (const dir of [...bundledPackages].sort()) {
  const manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
  const licenseFile = (await readdir(dir)).find((file) =>
    /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(file),
  );
  if (!licenseFile) throw new Error(`${dir}: bundled, but it has no licence file to ship with it`);
  const text = (await readFile(path.join(dir, licenseFile), 'utf8')).trim();
  notices.push(`${manifest.name}@${manifest.version} (${manifest.license})\n\n${text}\n`);
}
const licenses = `create-backend-stack bundles these packages in dist/; their licences follow.\n\n${notices.join(`\n${'-'.repeat(78)}\n\n`)}`;
await writeFile(new URL('../dist/THIRD-PARTY-LICENSES.txt', import.meta.url), licenses);

let bytes = Object.values(result.metafile.outputs).reduce((sum, out) => sum + out.bytes, 0);
bytes += Buffer.byteLength(licenses);
for (const [group, files] of groups) {
  const out = new URL(`../dist/templates/${group}.json`, import.meta.url);
  const json = JSON.stringify({ options, files });
  await mkdir(new URL('.', out), { recursive: true });
  await writeFile(out, json);
  bytes += Buffer.byteLength(json);
}
console.log(
  `dist/: ${(bytes / 1024).toFixed(0)} kB (${entries.length} template files in ${groups.size} module folders, ${count} precompiled)`,
);
