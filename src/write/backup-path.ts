import { access } from 'node:fs/promises';
import { resolveInside } from '../project/safe-path.js';

/** `<file>.orig`, or `<file>.orig.1`, `.orig.2`… when an earlier copy is already there. */
export async function freeBackupPath(root: string, file: string): Promise<string> {
  for (let n = 0; ; n++) {
    const candidate = n === 0 ? `${file}.orig` : `${file}.orig.${n}`;
    const taken = await access(resolveInside(root, candidate)).then(
      () => true,
      () => false,
    );
    if (!taken) return candidate;
  }
}
