import { describe, expect, it } from 'vitest';
import { type CHOICE_KEYS, choiceValues, DEFAULT_CHOICES } from '../../src/options/schema.js';
import { planProject } from '../../src/plan/plan.js';
import {
  PROJECT_IDENTIFIERS,
  PROJECT_SCHEMA_IDS,
  resourceIdentifiers,
  resourceSchemaIds,
} from '../../src/resources/identifiers.js';
import { resourceNames } from '../../src/resources/names.js';
import { layersFor } from '../support/plan.js';

// A name no template uses, so every identifier spelled with it is the resource's own.
const PROBE = resourceNames('zebra');

/** What a TypeScript file imports or declares at its top level (templates are formatted). */
function topLevelIdentifiers(text: string): string[] {
  const found: string[] = [];
  for (const [, clause = ''] of text.matchAll(/^import\s+(?:type\s+)?([\s\S]*?)\s+from\s/gm)) {
    for (const part of clause.match(/\{([\s\S]*)\}/)?.[1]?.split(',') ?? []) {
      const name = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)
        .at(-1);
      if (name) found.push(name);
    }
    const defaultName = clause
      .replace(/\{[\s\S]*\}/, '')
      .replace(/[,*]|\bas\b/g, ' ')
      .trim();
    if (defaultName) found.push(defaultName);
  }
  const declaration =
    /^(?:export\s+)?(?:declare\s+)?(?:async\s+)?(?:const|let|var|function|class|interface|type|enum)\s+(\w+)/gm;
  for (const [, name = ''] of text.matchAll(declaration)) found.push(name);
  return found;
}

/** `zebrasRoutes` → a pattern that any resource's `<plural>Routes` matches. */
function shapeOf(identifier: string): RegExp {
  const shape = identifier
    .replace(/Zebras|Zebra/, '[A-Z][A-Za-z0-9]*')
    .replace(/zebras|zebra/, '[a-z][A-Za-z0-9]*');
  return new RegExp(`^${shape}$`);
}

/** A project with the probe resource, for these choices. */
async function planWithProbe(choices: typeof DEFAULT_CHOICES) {
  return planProject(
    {
      name: 'demo',
      choices,
      pm: 'npm',
      cliVersion: '0.0.0',
      resources: [{ name: 'zebra', fields: 'title:string' }],
    },
    await layersFor(choices),
    (n) => Buffer.alloc(n, 1),
  );
}

describe('resource identifiers', () => {
  it('lists every identifier the templates declare for a resource', async () => {
    const plan = await planWithProbe({ ...DEFAULT_CHOICES, auth: 'jwt', observability: 'otel' });
    const declared = new Set(
      plan.files.flatMap((file) =>
        topLevelIdentifiers(file.content).filter((name) => /zebra/i.test(name)),
      ),
    );
    expect(resourceIdentifiers(PROBE)).toEqual(expect.arrayContaining([...declared]));
  });

  // Every combination a resource's files differ by; a module added later counts too.
  const combinations = ['framework', 'auth', 'database', 'observability', 'cache'].reduce<
    Record<string, string>[]
  >(
    (all, key) =>
      all.flatMap((choices) =>
        choiceValues(key as (typeof CHOICE_KEYS)[number])
          .filter((value) => !(key === 'database' && value === 'none'))
          .map((value) => ({ ...choices, [key]: value })),
      ),
    [{}],
  );

  // Planned once for the two tests below: 144 plans take seconds on a busy machine.
  let plans: Promise<Awaited<ReturnType<typeof planWithProbe>>[]> | undefined;
  const planEach = () => {
    plans ??= Promise.all(
      combinations.map((partial) => planWithProbe({ ...DEFAULT_CHOICES, ...partial })),
    );
    return plans;
  };
  const slow = { timeout: 30_000 };

  it(
    'knows every identifier of the project a resource name could spell in the same file',
    slow,
    async () => {
      const missing = new Set<string>();
      for (const plan of await planEach()) {
        for (const file of plan.files) {
          if (!file.path.endsWith('.ts')) continue;
          const names = topLevelIdentifiers(file.content);
          const shapes = names.filter((name) => /zebra/i.test(name)).map(shapeOf);
          for (const name of names) {
            if (/zebra/i.test(name) || PROJECT_IDENTIFIERS.has(name)) continue;
            if (shapes.some((shape) => shape.test(name))) missing.add(`${name} (${file.path})`);
          }
        }
      }
      expect([...missing]).toEqual([]);
    },
  );

  it('knows the OpenAPI schema ids of the project and of a resource', slow, async () => {
    const ids = new Set<string>();
    for (const plan of await planEach()) {
      for (const file of plan.files.filter((f) => f.path.startsWith('src/'))) {
        for (const [, id = ''] of file.content.matchAll(/\.meta\(\{\s*id: "(\w+)"/g)) ids.add(id);
      }
    }
    const own = [...ids].filter((id) => /Zebra/.test(id));
    expect(own.sort()).toEqual(resourceSchemaIds(PROBE).sort());
    // Better Auth's models are merged in at run time, prefixed Auth; the rest are in the source.
    const project = [...ids].filter((id) => !/Zebra/.test(id));
    expect(project.sort()).toEqual(
      [...PROJECT_SCHEMA_IDS].filter((id) => !/^Auth/.test(id)).sort(),
    );
  });
});
