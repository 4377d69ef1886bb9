import { describe, expect, it } from 'vitest';
import { appendEnvVars } from '../../../src/edits/env-file.js';

const input = `# mine
PORT=8080
export HOST=127.0.0.1
`;
const heading = 'Redis settings added by create-backend. See .env.example.';

describe('appendEnvVars', () => {
  it('appends only what is missing and leaves existing lines alone', () => {
    const vars = [
      ['PORT', '3000'],
      ['HOST', '0.0.0.0'],
      ['JWT_SECRET', 'fresh'],
    ] as const;
    expect(appendEnvVars(input, vars, heading)).toBe(`${input}\n# ${heading}\nJWT_SECRET=fresh\n`);
  });

  it("sets the new variables apart from the user's last block, under a comment saying whose", () => {
    const mine =
      '# Local settings written by create-backend\nPORT=3000\n\n# my own setting\nMY_VAR=1\n';
    expect(appendEnvVars(mine, [['REDIS_URL', '']], heading)).toBe(
      `${mine}\n# ${heading}\nREDIS_URL=\n`,
    );
  });

  it('is idempotent', () => {
    const once = appendEnvVars(input, [['A', '1']], heading);
    expect(appendEnvVars(once, [['A', '2']], heading)).toBe(once);
  });

  it.each([
    ['a file without a final newline', 'PORT=1', 'PORT=1\n\n# h\nA=1\n'],
    ['a file ending in a blank line', 'PORT=1\n\n', 'PORT=1\n\n# h\nA=1\n'],
    ['an empty file', '', '# h\nA=1\n'],
    ['a CRLF file', 'PORT=1\r\n', 'PORT=1\r\n\r\n# h\r\nA=1\r\n'],
  ])('keeps the bytes of %s and adds only what separates the block', (_, before, after) => {
    expect(appendEnvVars(before, [['A', '1']], 'h')).toBe(after);
  });
});
