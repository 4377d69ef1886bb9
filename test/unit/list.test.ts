import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildCatalog, formatCatalog } from '../../src/commands/list.js';

describe('list', () => {
  it('lines up the labels of every value in one column, set apart from the longest value', () => {
    const catalog = buildCatalog();
    const text = stripVTControlCharacters(formatCatalog(catalog));
    const lines = text.split('\n');
    const columns = Object.values(catalog.options).flatMap((option) =>
      option.values.map((value) => {
        const line = lines.find((candidate) =>
          candidate.startsWith(`    ${value.value} `),
        ) as string;
        expect(line, value.value).toBeDefined();
        return line.indexOf(value.label, 4 + value.value.length);
      }),
    );
    const longest = Math.max(
      ...Object.values(catalog.options).flatMap((o) => o.values.map((v) => v.value.length)),
    );
    expect(new Set(columns)).toEqual(new Set([4 + longest + 2]));
  });
});
