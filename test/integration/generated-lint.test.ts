import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Choices } from '../../src/options/schema.js';
import type { PlannedFile } from '../../src/plan/plan.js';
import { writeProject } from '../../src/write/writer.js';
import { tempDir } from '../support/context.js';
import { renderedCombinations } from '../support/covering.js';
import { planDemo } from '../support/plan.js';

const BIOME = path.resolve(import.meta.dirname, '../../node_modules/.bin/biome');
const combos = renderedCombinations().map((choices) => [Object.values(choices).join('+'), choices]);

/**
 * The project's name goes into code and tests; a long one must not change how Biome formats
 * them. A name this long breaks every line that could be broken around it, so each framework
 * with every module is also checked under it.
 */
const LONG_NAME = `the-${'payments-'.repeat(11)}service`;
const longNamed = (['express', 'fastify', 'hono', 'nest'] as const).map((framework) => [
  `long-name+${framework}`,
  {
    framework,
    database: 'postgres',
    auth: 'better-auth',
    cache: 'redis',
    deploy: 'kubernetes',
    ci: 'github',
    observability: 'otel',
  } satisfies Choices,
]);
const checked = [...combos, ...longNamed];

interface Diagnostic {
  category: string;
  message: string;
  location: { path: string };
}

/**
 * In the copy that is checked, each project's biome.json becomes a nested configuration
 * (`"root": false`): Biome then checks every folder with its own project's settings, and one
 * Biome process checks all the combinations.
 */
function asNested(file: PlannedFile): PlannedFile {
  if (file.path !== 'biome.json') return file;
  expect(file.content).toMatch(/^\{\n {2}"\$schema"/);
  return { ...file, content: file.content.replace('{\n', '{\n  "root": false,\n') };
}

describe('every generated combination', () => {
  let root: string;
  const found = new Map<string, Diagnostic[]>();

  beforeAll(async () => {
    root = await tempDir('cb-lint-');
    await writeFile(path.join(root, 'biome.json'), '{\n\t"root": true\n}\n');
    for (const [name, choices] of checked as [string, Choices][]) {
      const project = name.startsWith('long-name+') ? LONG_NAME : undefined;
      const { files } = await planDemo(choices, 1, project);
      await writeProject(path.join(root, name), files.map(asNested));
    }
    const args = ['check', '--reporter=json', '--max-diagnostics=none', '.'];
    const result = await execa(BIOME, args, { cwd: root, reject: false });
    let report: { summary: { unchanged: number }; diagnostics: Diagnostic[] };
    try {
      report = JSON.parse(result.stdout);
    } catch {
      throw new Error(`biome did not report (exit ${result.exitCode}):\n${result.stderr}`);
    }
    expect(report.summary.unchanged).toBeGreaterThan(checked.length * 20);
    for (const diagnostic of report.diagnostics) {
      const [name = ''] = diagnostic.location.path.split(/[\\/]/);
      found.set(name, [...(found.get(name) ?? []), diagnostic]);
    }
  }, 120_000);

  it('are each checked, with nothing outside them', () => {
    const names = new Set(checked.map(([name]) => name));
    expect([...found.keys()].filter((name) => !names.has(name))).toEqual([]);
  });

  it.each(checked)('%s passes the project’s own formatter and linter untouched', async (name) => {
    if (!found.has(name as string)) return;
    // Biome's own report of that project, formatter diffs included, as the failure message.
    const detail = await execa(BIOME, ['check', name as string], {
      cwd: root,
      reject: false,
      all: true,
    });
    expect.fail(String(detail.all));
  });
});
