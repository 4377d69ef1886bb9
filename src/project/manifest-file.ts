import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod/mini';
import { CliError } from '../errors.js';
import { choicesSchema, PACKAGE_MANAGERS } from '../options/schema.js';
import { MANIFEST_FILE, type Manifest } from '../plan/manifest.js';

const manifestSchema = z.object({
  generator: z.optional(z.string()),
  version: z.string(),
  name: z.string(),
  packageManager: z.enum(PACKAGE_MANAGERS),
  options: choicesSchema,
  resources: z.optional(
    z.array(z.object({ name: z.string(), plural: z.optional(z.string()), fields: z.string() })),
  ),
  modules: z.array(z.string()),
  files: z.record(z.string(), z.string()),
});

/** Read and check `create-backend.json` in `dir`; a clear error when it is missing or broken. */
export async function readManifest(dir: string): Promise<Manifest> {
  const file = path.join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new CliError(
      `No ${MANIFEST_FILE} in ${dir}: run this inside a project created by create-backend.`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new CliError(`${MANIFEST_FILE} is not valid JSON: restore it from version control.`);
  }
  const parsed = manifestSchema.safeParse(data);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'its content';
    throw new CliError(
      `${MANIFEST_FILE} is not a create-backend manifest (${where}): restore it from version control.`,
    );
  }
  return parsed.data;
}
