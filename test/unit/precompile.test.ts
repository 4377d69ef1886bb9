import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { parenthesiseFunctions, precompileForBundle } from '../../scripts/precompile.js';
import { COMPILE_OPTIONS } from '../../src/plan/precompiled.js';

const load = (source: string) => new Function(`return ${source};`)();

describe('the build’s precompiled templates', () => {
  it('wrap each top-level function, whatever braces and quotes its strings hold', () => {
    const spec =
      '{"0":function(a) {\n  return "}\\"{" + a;\n},"main":function(c) {\n  return {"x":"\\\\"}.x;\n},"useData":true}';
    const wrapped = parenthesiseFunctions(spec);
    expect(wrapped).toBe(
      '{"0":(function(a) {\n  return "}\\"{" + a;\n}),"main":(function(c) {\n  return {"x":"\\\\"}.x;\n}),"useData":true}',
    );
    const before = load(spec);
    const after = load(wrapped);
    expect(after[0]('!')).toBe(before[0]('!'));
    expect(after.main()).toBe(before.main());
  });

  it('render what Handlebars’ own precompiled form renders, and are smaller', async () => {
    const template = [
      '{{#if (eq kind "a")}}A {{name}}{{else}}{{#each items}}{{@index}}:{{this}} {{/each}}{{/if}}',
      '{{#unless (or flag other)}}none{{/unless}} "quoted {braces}"',
    ].join('\n');
    const runtime = Handlebars.create();
    runtime.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    runtime.registerHelper('or', (a: unknown, b: unknown) => Boolean(a || b));
    const plain = Handlebars.precompile(template, { ...COMPILE_OPTIONS }) as unknown as string;
    const bundled = await precompileForBundle(template, COMPILE_OPTIONS);
    expect(bundled.length).toBeLessThan(plain.length / 2);
    expect(bundled).not.toContain('loc:');
    for (const context of [
      { kind: 'a', name: 'x', items: [], flag: false, other: false },
      { kind: 'b', name: 'x', items: ['p', 'q'], flag: true, other: false },
    ]) {
      expect(runtime.template(load(bundled))(context)).toBe(runtime.template(load(plain))(context));
    }
  });
});
