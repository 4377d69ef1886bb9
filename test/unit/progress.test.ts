import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatElapsed, startProgress } from '../../src/ui/progress.js';
import { recordingLogger } from '../support/context.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('startProgress', () => {
  it('counts the seconds in the spinner, and says how long the step took', () => {
    vi.useFakeTimers();
    const texts: string[] = [];
    const spinner = {
      start: (text: string) => texts.push(`start ${text}`),
      message: (text: string) => texts.push(text),
      stop: (text: string) => texts.push(`stop ${text}`),
      fail: (text: string) => texts.push(`fail ${text}`),
    };
    const progress = startProgress('Installing', { spinner, logger: recordingLogger() });
    vi.advanceTimersByTime(2_000);
    progress.stop('Installed');
    vi.advanceTimersByTime(5_000);
    expect(texts).toEqual([
      'start Installing',
      'Installing (1 s)',
      'Installing (2 s)',
      'stop Installed in 2 s',
    ]);
  });

  it('writes a line now and then without a terminal, with the hint once it is slow', () => {
    vi.useFakeTimers();
    const logger = recordingLogger();
    const progress = startProgress('Installing', {
      logger,
      every: 30_000,
      slowAfter: 60_000,
      slowHint: 'check the network',
    });
    vi.advanceTimersByTime(90_000);
    progress.fail('Install stopped');
    expect(logger.lines).toEqual([
      'Installing…',
      'Installing (30 s)',
      'Installing (1 min 0 s; check the network)',
      'Installing (1 min 30 s; check the network)',
      'Install stopped in 1 min 30 s',
    ]);
  });

  it('formats durations for people', () => {
    expect([400, 42_000, 125_000].map(formatElapsed)).toEqual(['0 s', '42 s', '2 min 5 s']);
  });
});
