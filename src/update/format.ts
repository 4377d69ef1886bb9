import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Context } from '../context.js';
import type { PlannedFile } from '../plan/plan.js';

/**
 * The TypeScript files of a plan as the project's own Biome lays them out (code named after a
 * resource can outgrow a line; `add` formats what it writes), so that comparing two versions
 * of the generated code sees template changes, not layout. Unchanged when the project has no
 * Biome installed.
 */
export async function formatLikeProject(
  root: string,
  files: readonly PlannedFile[],
  ctx: Context,
): Promise<PlannedFile[]> {
  const biome = path.join(root, 'node_modules', '.bin', 'biome');
  const sources = files.filter((file) => file.path.endsWith('.ts'));
  const config = files.find((file) => file.path === 'biome.json');
  if (!existsSync(biome) || sources.length === 0 || !config) return [...files];
  const work = await mkdtemp(path.join(tmpdir(), 'create-backend-format-'));
  try {
    for (const file of [config, ...sources]) {
      const target = path.join(work, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
    const args = ['check', '--write', '--linter-enabled=false', '--no-errors-on-unmatched', '.'];
    const result = await ctx.run({ command: biome, args }, { cwd: work });
    if (result.exitCode !== 0) return [...files];
    const formatted = new Map<string, string>();
    for (const file of sources) {
      formatted.set(file.path, await readFile(path.join(work, file.path), 'utf8'));
    }
    return files.map((file) => ({ ...file, content: formatted.get(file.path) ?? file.content }));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
