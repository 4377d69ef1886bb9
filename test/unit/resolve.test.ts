import { describe, expect, it } from 'vitest';
import { CancelledError, CliError } from '../../src/errors.js';
import { resolveChoices } from '../../src/options/resolve.js';
import { scriptedPrompter } from '../support/context.js';

const nobody = { interactive: false, prompter: undefined };

describe('resolveChoices without a person', () => {
  it('takes defaults for everything not given', async () => {
    expect(await resolveChoices({ deploy: 'none' }, nobody)).toEqual({
      framework: 'express',
      database: 'postgres',
      auth: 'jwt',
      cache: 'none',
      deploy: 'none',
      ci: 'github',
      observability: 'none',
    });
  });

  it('lets a default the flags rule out give way (no database: no auth)', async () => {
    const choices = await resolveChoices({ database: 'none' }, nobody);
    expect(choices.auth).toBe('none');
  });

  it('refuses flags that contradict each other, naming the fix', async () => {
    await expect(resolveChoices({ database: 'none', auth: 'jwt' }, nobody)).rejects.toThrow(
      new CliError(
        '--auth jwt needs a database: add --database postgres (or sqlite, mysql), or use --auth none.',
      ),
    );
  });
});

describe('resolveChoices with a person', () => {
  it('asks only what flags left open, offering only compatible values', async () => {
    const prompter = scriptedPrompter(['express', 'none', 'none', 'redis', 'otel']);
    const choices = await resolveChoices(
      { deploy: 'docker', ci: 'none' },
      { interactive: true, prompter },
    );
    expect(prompter.asked.map((q) => q.message)).toEqual([
      'Which HTTP framework?',
      'Which database?',
      'Which authentication?',
      'A shared store for rate limits?',
      'Metrics and traces?',
    ]);
    expect(prompter.asked[2]).toMatchObject({
      options: ['none'],
      disabled: ['jwt: needs a database', 'better-auth: needs a database'],
    });
    expect(choices).toEqual({
      framework: 'express',
      database: 'none',
      auth: 'none',
      cache: 'redis',
      deploy: 'docker',
      ci: 'none',
      observability: 'otel',
    });
  });

  it('passes Ctrl-C on as a cancellation', async () => {
    const prompter = scriptedPrompter([new CancelledError()]);
    await expect(resolveChoices({}, { interactive: true, prompter })).rejects.toBeInstanceOf(
      CancelledError,
    );
  });
});
