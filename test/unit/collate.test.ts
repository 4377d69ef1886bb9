import { describe, expect, it } from 'vitest';
import { compareText, sortByText } from '../../src/collate.js';

const icu = new Intl.Collator('en');

/** A small seeded generator, so that a failure names a pair that reproduces. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
// Characters the table leaves to ICU: control characters, accents (also combining ones),
// letters with a folding of their own, and a character outside the BMP.
const OTHER = ['\u0000', '\t', '\u007f', 'é', 'e\u0301', 'ß', 'Å', 'ﬁ', 'İ', '😀'];

function pick(next: () => number, characters: string | readonly string[]): string {
  return characters[Math.floor(next() * characters.length)] as string;
}

/** A string and a variation of it: a character changed, its case flipped, added or removed. */
function pair(next: () => number, alphabet: string | readonly string[]): [string, string] {
  const length = Math.floor(next() * 8);
  const a = Array.from({ length }, () => pick(next, alphabet)).join('');
  const at = Math.floor(next() * (length + 1));
  const change = next();
  let b: string;
  if (change < 0.25) b = a.slice(0, at) + pick(next, alphabet) + a.slice(at + 1);
  else if (change < 0.5) b = a.slice(0, at) + (a[at] ?? '').toUpperCase() + a.slice(at + 1);
  else if (change < 0.7) b = a.slice(0, at) + pick(next, alphabet) + a.slice(at);
  else if (change < 0.85) b = a.slice(0, at) + a.slice(at + 1);
  else b = Array.from({ length: Math.floor(next() * 8) }, () => pick(next, alphabet)).join('');
  return [a, b];
}

describe('compareText', () => {
  it.each([
    ['printable ASCII', ASCII, 1],
    ['paths and package names', 'abcABC019-_./@', 2],
    ['ASCII with other characters', [...ASCII, ...OTHER, ...OTHER], 3],
  ] as const)('orders %s as localeCompare(…, "en") does', (_, alphabet, seed) => {
    const next = random(seed);
    for (let i = 0; i < 20_000; i++) {
      const [a, b] = pair(next, alphabet);
      const expected = Math.sign(icu.compare(a, b));
      if (Math.sign(compareText(a, b)) !== expected) {
        expect({ a, b, order: Math.sign(compareText(a, b)) }).toEqual({ a, b, order: expected });
      }
    }
  });

  it('sorts a project the way npm and the manifests always have', () => {
    const paths = [
      'src/app.ts',
      'README.md',
      '.env.example',
      'Dockerfile',
      'src/routes/v1/todos.ts',
      'src/routes/v1/todo-items.ts',
      'src/routes/v1/todos/index.ts',
      'drizzle/0000_init.sql',
      'drizzle/meta/_journal.json',
      '.github/workflows/ci.yml',
      '@types/node',
      '@hono/node-server',
      'hono',
      'zod',
      'vitest',
      'pino-http',
      'pino',
    ];
    expect([...paths].sort(compareText)).toEqual([...paths].sort((a, b) => icu.compare(a, b)));
    // Not code-unit order: capitals and punctuation move.
    expect([...paths].sort(compareText)).not.toEqual([...paths].sort());
  });
});

describe('sortByText', () => {
  it.each([
    ['printable ASCII', ASCII, 4],
    ['paths and package names', 'abcABC019-_./@', 5],
    ['ASCII with other characters', [...ASCII, ...OTHER], 6],
  ] as const)('sorts %s as compareText orders them, keeping the items', (_, alphabet, seed) => {
    const next = random(seed);
    for (let round = 0; round < 200; round++) {
      // Pairs of near-equal strings, so that case and prefixes decide as often as letters do.
      const texts = Array.from({ length: 20 }, () => pair(next, alphabet)).flat();
      const items = texts.map((text, index) => ({ text, index }));
      const sorted = sortByText(items, (item) => item.text);
      for (let i = 1; i < sorted.length; i++) {
        const [a, b] = [sorted[i - 1]?.text as string, sorted[i]?.text as string];
        if (compareText(a, b) > 0)
          expect({ a, b, sorted: 'after' }).toEqual({ a, b, sorted: 'before' });
      }
      expect(sorted.map((item) => item.index).sort((x, y) => x - y)).toEqual(
        items.map((item) => item.index),
      );
    }
  });

  it('reads each text once, however many comparisons the sort makes', () => {
    const read: string[] = [];
    const names = ['zod', 'Hono', 'hono', '@types/node', 'pino-http', 'pino', 'é'];
    const sorted = sortByText(names, (name) => {
      read.push(name);
      return name;
    });
    expect(read).toEqual(names);
    expect(sorted).toEqual([...names].sort((a, b) => icu.compare(a, b)));
  });
});
