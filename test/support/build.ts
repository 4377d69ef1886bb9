import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Bundle src/ into dist/ before the tests that run the CLI as a user does, once per run even
 * when several projects ask (global setups share the main process).
 */
export default async function build(): Promise<void> {
  if (process.env.CB_TEST_BUILT) return;
  await promisify(execFile)(process.execPath, [path.join(ROOT, 'scripts/build.js')], { cwd: ROOT });
  process.env.CB_TEST_BUILT = '1';
}
