import type { Choices } from '../../src/options/schema.js';
import { type Plan, planProject, templateLayers } from '../../src/plan/plan.js';
import { compileTemplates, readLayers, type TemplateFile } from '../../src/plan/template-source.js';

// Every combination shares most layers: each is read from disk once per test file.
const cache = new Map<string, Promise<TemplateFile[]>>();

function readLayer(layer: string): Promise<TemplateFile[]> {
  let files = cache.get(layer);
  if (!files) {
    files = readLayers([layer]).then((layers) => layers.get(layer) ?? []);
    cache.set(layer, files);
  }
  return files;
}

/** The template layers of `choices`, as `readLayers` returns them. */
export async function layersFor(choices: Choices): Promise<Map<string, TemplateFile[]>> {
  const names = templateLayers(choices);
  const files = await Promise.all(names.map(readLayer));
  return new Map(names.map((name, i) => [name, files[i] ?? []]));
}

const plans = new Map<string, Promise<Plan>>();

/**
 * Plan the project `name` (`demo-api`) with `choices`; `seed` varies its secrets. Planned once
 * per test file: the plan is data, and tests only read it.
 */
export function planDemo(choices: Choices, seed = 1, name = 'demo-api'): Promise<Plan> {
  const key = `${JSON.stringify(choices)} ${seed} ${name}`;
  let plan = plans.get(key);
  if (!plan) {
    let counter = seed;
    plan = layersFor(choices).then((layers) =>
      planProject({ name, choices, pm: 'npm', cliVersion: '0.0.0-test' }, layers, (n) =>
        Buffer.alloc(n, counter++),
      ),
    );
    plans.set(key, plan);
  }
  return plan;
}

/** Layers written in a test, compiled as `readLayers` compiles the ones it reads. */
export async function compiled(
  layers: [string, TemplateFile[]][],
): Promise<Map<string, TemplateFile[]>> {
  return new Map(
    await Promise.all(
      layers.map(async ([name, files]) => [name, await compileTemplates(files)] as const),
    ),
  );
}
