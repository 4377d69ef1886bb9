import { describe, expect, it } from 'vitest';
import { appendEnvVars } from '../../../src/edits/env-file.js';

const input = `# mine
PORT=8080
export HOST=127.0.0.1
`;

describe('appendEnvVars', () => {
  it('appends only what is missing and leaves existing lines alone', () => {
    const vars = [
      ['PORT', '3000'],
      ['HOST', '0.0.0.0'],
      ['JWT_SECRET', 'fresh'],
    ] as const;
    expect(appendEnvVars(input, vars)).toBe(`${input}JWT_SECRET=fresh\n`);
  });

  it('is idempotent', () => {
    const once = appendEnvVars(input, [['A', '1']]);
    expect(appendEnvVars(once, [['A', '2']])).toBe(once);
  });

  it('adds a newline when the file does not end with one', () => {
    expect(appendEnvVars('PORT=1', [['A', '1']])).toBe('PORT=1\nA=1\n');
  });
});
