import { describe, expect, it } from 'vitest';
import { parseInput } from '../../src/cli.js';
import { CliError } from '../../src/errors.js';
import {
  CHOICE_KEYS,
  choiceValues,
  createInputSchema,
  DEFAULT_CHOICES,
  metaOf,
} from '../../src/options/schema.js';

describe('options schema', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_CHOICES).toEqual({
      framework: 'express',
      database: 'postgres',
      auth: 'jwt',
      cache: 'none',
      deploy: 'docker',
      ci: 'github',
      observability: 'none',
    });
  });

  it.each(CHOICE_KEYS)('describes %s for flags, prompts and list', (key) => {
    const meta = metaOf(key);
    expect(meta.flag).toBe(key);
    expect(meta.message).toMatch(/\?$/);
    for (const value of choiceValues(key)) {
      expect(meta.labels[value]?.label, `${key}=${value}`).toBeTruthy();
    }
    expect(choiceValues(key)).toContain(DEFAULT_CHOICES[key]);
  });

  it('accepts an empty input: every field is optional and nothing is defaulted yet', () => {
    expect(createInputSchema.parse({})).toEqual({});
  });

  it('refuses keys it does not know', () => {
    expect(createInputSchema.safeParse({ colour: 'blue' }).success).toBe(false);
  });
});

describe('parseInput', () => {
  it('keeps given values and drops undefined ones', () => {
    expect(parseInput({ database: 'none', auth: undefined, install: false })).toEqual({
      database: 'none',
      install: false,
    });
  });

  it.each([
    [
      { framework: 'koa' },
      'Invalid value "koa" for --framework: use one of express, fastify, hono, nest.',
    ],
    [
      { database: 'oracle' },
      'Invalid value "oracle" for --database: use one of postgres, sqlite, mysql, none.',
    ],
    [{ auth: 'oauth' }, 'Invalid value "oauth" for --auth: use one of jwt, better-auth, none.'],
    [{ pm: 'pip' }, 'Invalid value "pip" for --pm: use one of npm, pnpm, yarn, bun.'],
  ])('names the flag, the value and the valid values: %j', (flags, message) => {
    expect(() => parseInput(flags)).toThrow(new CliError(message));
  });
});
