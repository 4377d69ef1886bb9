// Bundles the CLI and its runtime packages into dist/ so `npx create-backend` installs one small
// package with no dependencies. Code used only by some commands (prompts, templates, process
// runner) is split into chunks loaded on demand, keeping start-up fast.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build, transform } from 'esbuild';
import Handlebars from 'handlebars';

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });

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
});

// Compiling the templates was most of a scaffold's time: precompile them, keyed by a hash of
// their text (src/plan/precompiled.ts; same options). A template edited after the build has
// another hash and is compiled when it is used, so a stale build is slower, never wrong. They
// are kept as JSON strings, so that a run turns into functions only the templates it renders,
// in one file per module folder (templateGroup in src/plan/precompiled.ts, the same rule), so
// that it reads and parses only those of the modules it uses.
const options = { noEscape: true, strict: true };
const templateGroup = (file) => {
  const parts = file.split('/');
  return parts.slice(0, parts[0] === 'frameworks' ? 3 : 1).join('/');
};
const templates = new URL('../templates/', import.meta.url);
const groups = new Map();
let count = 0;
for (const file of (await readdir(templates, { recursive: true })).sort()) {
  if (!file.endsWith('.hbs')) continue;
  const content = await readFile(new URL(file, templates), 'utf8');
  const key = createHash('sha256').update(content).digest('base64url');
  const source = Handlebars.precompile(content, { ...options });
  // Minified as the right-hand side of an assignment, which esbuild keeps.
  const minified = await transform(`spec=${source}`, { minify: true });
  const group = templateGroup(file.split(path.sep).join('/'));
  if (!groups.has(group)) groups.set(group, {});
  groups.get(group)[key] = minified.code.replace(/^spec=/, '').replace(/;\s*$/, '');
  count++;
}
let bytes = Object.values(result.metafile.outputs).reduce((sum, out) => sum + out.bytes, 0);
for (const [group, precompiled] of groups) {
  const out = new URL(`../dist/templates/${group}.json`, import.meta.url);
  const json = JSON.stringify({ options, templates: precompiled });
  await mkdir(new URL('.', out), { recursive: true });
  await writeFile(out, json);
  bytes += Buffer.byteLength(json);
}
console.log(
  `dist/: ${(bytes / 1024).toFixed(0)} kB (${count} templates precompiled in ${groups.size} files)`,
);
