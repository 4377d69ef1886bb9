import { describe, expect, it } from 'vitest';
import { quotePath } from '../../src/ui/quote.js';

describe('quotePath', () => {
  it.each([
    ['my-app', 'my-app'],
    ['../apps/my_app', '../apps/my_app'],
    ['/tmp/My App', "'/tmp/My App'"],
    ['$HOME/app', "'$HOME/app'"],
    ['it`s', "'it`s'"],
    ["bob's app", "'bob'\\''s app'"],
  ])('writes %j as %s', (input, quoted) => {
    expect(quotePath(input)).toBe(quoted);
  });
});
