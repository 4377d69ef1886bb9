import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { TEMPLATES_DIR } from '../paths.js';

/** A file under `templates/`, path relative to its layer, POSIX separators. */
export interface TemplateFile {
  path: string;
  content: string;
}

/**
 * Read the layers (directories under the templates root) that exist, in the order given.
 * A missing layer is simply skipped: a module need not have templates for every framework.
 */
export async function readLayers(
  layers: readonly string[],
  root = TEMPLATES_DIR,
): Promise<Map<string, TemplateFile[]>> {
  const read = await Promise.all(layers.map((layer) => readLayer(path.join(root, layer))));
  return new Map(layers.map((layer, i) => [layer, read[i] ?? []]));
}

async function readLayer(dir: string): Promise<TemplateFile[]> {
  let entries: string[];
  try {
    entries = await readdir(dir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files = await Promise.all(
    entries.sort().map(async (entry) => {
      const full = path.join(dir, entry);
      try {
        return { path: entry.split(path.sep).join('/'), content: await readFile(full, 'utf8') };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EISDIR') return undefined;
        throw error;
      }
    }),
  );
  return files.filter((file) => file !== undefined);
}
