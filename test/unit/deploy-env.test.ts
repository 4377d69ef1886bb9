import { parse as parseToml } from 'smol-toml';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { validCombinations } from '../../src/commands/list.js';
import type { Choices } from '../../src/options/schema.js';
import type { Plan } from '../../src/plan/plan.js';
import { parseManifests } from '../support/kubernetes.js';
import { planDemo as plan } from '../support/plan.js';

// What each deploy target gives the app does not depend on the framework or the CI.
const combos = validCombinations().filter(
  (c) => c.deploy !== 'none' && c.framework === 'express' && c.ci === 'none',
);
const label = (c: Choices) => Object.values(c).join('+');
const fileOf = (p: Plan, path: string) => p.files.find((f) => f.path === path)?.content ?? '';

/** The variables the generated config refuses to start without in production. */
function requiredInProduction(project: Plan): string[] {
  const env = fileOf(project, 'src/config/env.ts');
  return [...env.matchAll(/problems\.push\("(\w+):/g)].map((match) => match[1] as string);
}

/** `KEY=value` lines, comments left out. */
const envLines = (lines: readonly string[]) =>
  new Map(
    lines
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );

/**
 * Where each target sets the app's variables: name → where it comes from. A value the
 * deployment leaves empty is not there: the app would refuse it.
 */
const sources: Record<string, (project: Plan) => Map<string, string>[]> = {
  docker: (project) => {
    const compose = parseYaml(fileOf(project, 'docker-compose.yml'), { merge: true });
    return [compose.services.app, compose.services.migrate].filter(Boolean).map(
      ({ environment }) =>
        new Map(
          Object.entries(environment as Record<string, string>)
            .filter(([, value]) => !/^\$\{\w+:-\}$/.test(String(value)))
            .map(([name, value]) => [name, `compose: ${value}`]),
        ),
    );
  },
  // Each overlay: the base's ConfigMap, the overlay's values merged in, and the Secret.
  kubernetes: (project) => {
    const [secret] = parseManifests(fileOf(project, 'k8s/base/secret.example.yaml'));
    const secrets = Object.keys((secret?.stringData as object) ?? {});
    return ['dev', 'prod'].map((overlay) => {
      const kustomization = parseYaml(
        fileOf(project, `k8s/overlays/${overlay}/kustomization.yaml`),
      );
      const literals = (kustomization.configMapGenerator ?? []).flatMap(
        (generator: { literals?: string[] }) => generator.literals ?? [],
      );
      const config = new Map([
        ...envLines(fileOf(project, 'k8s/base/config.env').split('\n')),
        ...envLines(literals),
      ]);
      return new Map([
        ...[...config].filter(([, value]) => value !== '').map(([n]) => [n, 'ConfigMap'] as const),
        ...secrets.map((name) => [name, 'Secret'] as const),
      ]);
    });
  },
  // fly.toml's [env], and the secrets the README sets.
  fly: (project) => {
    const fly = parseToml(fileOf(project, 'fly.toml')) as { env: Record<string, string> };
    const readme = fileOf(project, 'README.md');
    const section = readme.slice(readme.indexOf('### Fly.io'));
    const secrets = [...section.matchAll(/^fly secrets set (\w+)=/gm)].map((m) => m[1] as string);
    if (section.includes('fly mpg attach')) secrets.push('DATABASE_URL');
    return [
      new Map([
        ...Object.entries(fly.env)
          .filter(([, value]) => value !== '')
          .map(([name]) => [name, 'fly.toml'] as const),
        ...secrets.map((name) => [name, 'fly secrets'] as const),
      ]),
    ];
  },
  // The web service's envVars: a value, a generated one, another service's, or asked for.
  render: (project) => {
    const blueprint = parseYaml(fileOf(project, 'render.yaml'));
    const web = blueprint.services.find((s: { type: string }) => s.type === 'web');
    return [
      new Map(
        (web.envVars as { key: string; value?: string }[])
          .filter((v) => v.value !== '')
          .map((v) => [v.key, JSON.stringify(v)]),
      ),
    ];
  },
};

describe.each(combos.map((c) => [label(c), c] as const))('deploying %s', (_, choices) => {
  let project: Plan;
  beforeAll(async () => {
    project = await plan(choices);
  });

  // The app, and the migrations before it, exit at once on a missing one.
  it('gives the app every variable its config requires in production', () => {
    const required = requiredInProduction(project);
    expect(required.includes('DATABASE_URL')).toBe(choices.database !== 'none');
    const targets = sources[choices.deploy]?.(project) ?? [];
    expect(targets.length).toBeGreaterThan(0);
    for (const [index, provided] of targets.entries()) {
      const missing = required.filter((name) => !provided.has(name));
      expect(missing, `${choices.deploy} #${index}`).toEqual([]);
    }
  });
});

/** The variables of env.ts that are off until set: `.optional()`, no default. */
function optionalSettings(project: Plan): string[] {
  const env = fileOf(project, 'src/config/env.ts');
  const block = env.slice(env.indexOf('const variables = {'), env.indexOf('\n};'));
  return block
    .split(/\n {2}(?=\w+: )/)
    .slice(1)
    .filter((declaration) => declaration.trimEnd().endsWith('.optional(),'))
    .map((declaration) => declaration.slice(0, declaration.indexOf(':')));
}

const kubernetes = validCombinations().filter(
  (c) => c.deploy === 'kubernetes' && c.framework === 'express' && c.ci === 'none',
);

describe.each(kubernetes.map((c) => [label(c), c] as const))('deploying %s', (_, choices) => {
  // A user who turns a feature on (GitHub sign-in, email) finds where its variables go.
  it('names each optional setting in the ConfigMap or the Secret, set or commented out', async () => {
    const project = await plan(choices);
    const named = `${fileOf(project, 'k8s/base/config.env')}\n${fileOf(project, 'k8s/base/secret.example.yaml')}`;
    const missing = optionalSettings(project).filter(
      (name) => !new RegExp(`^\\s*(# )?${name}[=:]`, 'm').test(named),
    );
    expect(missing).toEqual([]);
  });
});

const docker = validCombinations().filter(
  (c) => c.deploy === 'docker' && c.framework === 'express' && c.ci === 'none',
);

describe.each(docker.map((c) => [label(c), c] as const))('deploying %s', (_, choices) => {
  // Compose stops at once on a variable it requires (`${NAME:?…}`) and .env lacks.
  it('says in the README each variable compose requires from .env', async () => {
    const project = await plan(choices);
    const compose = fileOf(project, 'docker-compose.yml');
    const required = [...new Set([...compose.matchAll(/\$\{(\w+):\?/g)].map((m) => m[1]))];
    const readme = fileOf(project, 'README.md');
    const sentence = /`docker compose up --build`[\s\S]*?from `\.env`/.exec(readme)?.[0] ?? '';
    expect(required.filter((name) => !sentence.includes(`\`${name}\``))).toEqual([]);
  });
});
