// Bundles the CLI and its runtime packages into dist/ so `npx create-backend` installs one small
// package with no dependencies. Code used only by some commands (prompts, templates, process
// runner) is split into chunks loaded on demand, keeping start-up fast.
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';

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

const bytes = Object.values(result.metafile.outputs).reduce((sum, out) => sum + out.bytes, 0);
console.log(`dist/: ${(bytes / 1024).toFixed(0)} kB`);
