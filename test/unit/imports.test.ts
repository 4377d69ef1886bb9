import { describe, expect, it } from 'vitest';
import { formatImports } from '../../src/plan/imports.js';

describe('formatImports', () => {
  it('orders statements as Biome does: node:, packages, then paths from farthest to nearest', () => {
    const block = [
      'import { b } from "./b.js";',
      'import { z } from "zod";',
      'import { x } from "../x.js";',
      'import { randomUUID } from "node:crypto";',
      'import { y } from "../../y.js";',
      'import { a } from "./a.js";',
      'import express from "express";',
    ].join('\n');
    expect(formatImports(block).trimEnd().split('\n')).toEqual([
      'import { randomUUID } from "node:crypto";',
      'import express from "express";',
      'import { z } from "zod";',
      'import { y } from "../../y.js";',
      'import { x } from "../x.js";',
      'import { a } from "./a.js";',
      'import { b } from "./b.js";',
    ]);
  });

  it('sorts names as Biome does: capital first at a case difference, else without case', () => {
    expect(formatImports('import { authUser, authenticate, type AuthEnv } from "./auth.js";')).toBe(
      'import { type AuthEnv, authenticate, authUser } from "./auth.js";\n',
    );
  });

  it('sorts names case-insensitively, ignoring `type`, and drops empty ones', () => {
    expect(formatImports('import { updateTodo, type Todo, createTodo, } from "./todo.js";')).toBe(
      'import { createTodo, type Todo, updateTodo } from "./todo.js";\n',
    );
  });

  it('breaks an import that is too long, one name per line, but never a single name', () => {
    const long = `import { ${['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india'].join(', ')} } from "./a-module-with-a-long-name.js";`;
    expect(formatImports(long)).toBe(
      `import {\n${['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india'].map((name) => `  ${name},\n`).join('')}} from "./a-module-with-a-long-name.js";\n`,
    );
    const single = `import { aRatherLongNameForOneThing } from "../../../src/modules/some-module/some-module.repository.js";`;
    expect(formatImports(single)).toBe(`${single}\n`);
  });

  it('renders nothing for an empty block and refuses what is not an import', () => {
    expect(formatImports('\n\n')).toBe('');
    expect(() => formatImports('const x = 1;')).toThrow(/one import statement per line/);
  });
});
