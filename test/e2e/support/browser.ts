import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';

/** Debian's Chromium (`apt-get install chromium`), or the one CHROMIUM names. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** A host name the browser resolves to 127.0.0.1 but does not treat as localhost. */
export const REMOTE_HOST = 'app.test';

/**
 * The DOM of `url` once its scripts have run, as headless Chromium renders it, with
 * REMOTE_HOST mapped to 127.0.0.1: the page is seen as a user sees a server on another machine
 * over plain HTTP, where browsers apply policies they waive for localhost (a CSP's
 * `upgrade-insecure-requests`, for one). No traffic leaves the machine.
 */
export async function renderedDom(url: string): Promise<string> {
  const profile = await mkdtemp(path.join(tmpdir(), 'cb-chromium-'));
  try {
    const { stdout } = await execa(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${profile}`,
        `--host-resolver-rules=MAP ${REMOTE_HOST} 127.0.0.1`,
        '--virtual-time-budget=10000',
        '--dump-dom',
        url,
      ],
      { timeout: 120_000, stdin: 'ignore' },
    );
    return stdout;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
