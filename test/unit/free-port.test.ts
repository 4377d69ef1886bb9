import { createServer } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freePort } from '../e2e/support/project.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('freePort (the end-to-end servers’ ports)', () => {
  it('passes over a port another server listens on', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    // The first draw lands on the taken port; the later ones are left to chance.
    const random = Math.random;
    const draws = vi.spyOn(Math, 'random');
    draws.mockImplementationOnce(() => (port - 20000 + 0.5) / 12000);
    draws.mockImplementation(() => random());
    try {
      expect(await freePort()).not.toBe(port);
      expect(draws.mock.calls.length).toBeGreaterThan(1);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
