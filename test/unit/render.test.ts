import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { validCombinations } from '../../src/commands/list.js';
import type { Choices } from '../../src/options/schema.js';
import type { Plan } from '../../src/plan/plan.js';
import { planDemo as plan } from '../support/plan.js';

const combos = validCombinations().filter(
  (c) => c.deploy === 'render' && c.framework === 'express' && c.ci === 'none',
);
const label = (c: Choices) => Object.values(c).join('+');
const fileOf = (p: Plan, path: string) => p.files.find((f) => f.path === path)?.content;

// biome-ignore lint/suspicious/noExplicitAny: a parsed Blueprint, read by the tests
type Blueprint = Record<string, any>;
interface EnvVar {
  key: string;
  value?: string;
  generateValue?: boolean;
  sync?: boolean;
  fromDatabase?: { name: string; property: string };
  fromService?: { type: string; name: string; property: string };
}

describe.each(combos.map((c) => [label(c), c] as const))('render.yaml for %s', (_, choices) => {
  let blueprint: Blueprint;
  let project: Plan;
  const hasDatabase = choices.database !== 'none';
  const web = () => blueprint.services.find((s: { type: string }) => s.type === 'web');
  const envVar = (key: string): EnvVar | undefined =>
    web().envVars.find((v: EnvVar) => v.key === key);

  beforeAll(async () => {
    project = await plan(choices);
    blueprint = parseYaml(fileOf(project, 'render.yaml') ?? '');
  });

  it('builds the Dockerfile into a web service checked on /health', () => {
    expect(web()).toMatchObject({
      name: 'demo-api',
      runtime: 'docker',
      dockerfilePath: './Dockerfile',
      healthCheckPath: '/health',
    });
    expect(web().preDeployCommand).toBe(hasDatabase ? 'node dist/db/migrate.js' : undefined);
    // A pre-deploy command needs a paid instance type.
    if (hasDatabase) expect(web().plan).not.toBe('free');
  });

  it('sets only variables the app reads, each from one source', () => {
    const example = fileOf(project, '.env.example') ?? '';
    const keys = web().envVars.map((v: EnvVar) => v.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const v of web().envVars as EnvVar[]) {
      expect(example, v.key).toMatch(new RegExp(`^${v.key}=`, 'm'));
      const sources = ['value', 'generateValue', 'sync', 'fromDatabase', 'fromService'];
      expect(
        sources.filter((s) => s in v),
        v.key,
      ).toHaveLength(1);
    }
    expect(envVar('NODE_ENV')?.value).toBe('production');
  });

  it('generates the secrets and wires the database and Redis to the service', () => {
    expect(envVar('JWT_SECRET')?.generateValue ?? false).toBe(choices.auth === 'jwt');
    const database = envVar('DATABASE_URL');
    expect(Boolean(database)).toBe(hasDatabase);
    if (choices.database === 'postgres') {
      const names = blueprint.databases.map((d: { name: string }) => d.name);
      expect(names).toContain(database?.fromDatabase?.name);
      expect(database?.fromDatabase?.property).toBe('connectionString');
    } else {
      // Render manages PostgreSQL only: the URL of another database is asked for.
      expect(blueprint.databases).toBeUndefined();
      if (database) expect(database.sync).toBe(false);
    }
    const redis = envVar('REDIS_URL');
    expect(Boolean(redis)).toBe(choices.cache === 'redis');
    if (redis) {
      const store = blueprint.services.find(
        (s: { name: string }) => s.name === redis.fromService?.name,
      );
      expect(store).toMatchObject({ type: 'keyvalue', ipAllowList: [] });
      expect(redis.fromService).toMatchObject({ type: 'keyvalue', property: 'connectionString' });
    }
  });

  it('says in the README how to create the Blueprint and what Render asks for', () => {
    const readme = fileOf(project, 'README.md') ?? '';
    const section = readme.slice(readme.indexOf('### Render'));
    expect(section).toContain('New > Blueprint');
    const asked = web()
      .envVars.filter((v: EnvVar) => v.sync === false)
      .map((v: EnvVar) => v.key);
    for (const key of asked) expect(section).toContain(`\`${key}\``);
    expect(section.includes('pre-deploy command')).toBe(hasDatabase);
  });
});
