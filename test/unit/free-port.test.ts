import { createServer } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { freePort } from '../e2e/support/project.js';

describe('freePort (the end-to-end servers’ ports)', () => {
  it('passes over a port another server listens on', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => taken.close(() => resolve())));
    const port = (taken.address() as { port: number }).port;
    // The taken port first, then ports chosen as the suite chooses them.
    const draws = [port];
    const draw = () => draws.shift() ?? 20000 + Math.floor(Math.random() * 12000);
    const chosen = await freePort(draw);
    expect(chosen).not.toBe(port);
    expect(draws).toEqual([]);
  });
});
