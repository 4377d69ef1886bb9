import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM, hasChromium } from './browser.js';
import { missingServerNotes } from './servers.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where this run's generated projects go; removed afterwards unless KEEP_E2E is set. */
    e2eRoot: string;
  }
}

/** One temporary directory for the run's projects (each a few hundred MB once installed). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  for (const note of missingServerNotes()) console.warn(note);
  if (!hasChromium) {
    console.warn(
      `${CHROMIUM} not found: skipping the check of /docs in a browser. Install Debian's chromium, or set CHROMIUM to a Chromium binary.`,
    );
  }
  const root = await mkdtemp(path.join(tmpdir(), 'cb-e2e-'));
  project.provide('e2eRoot', root);
  return async () => {
    if (process.env.KEEP_E2E) console.error(`generated projects kept in ${root}`);
    else await rm(root, { recursive: true, force: true });
  };
}
