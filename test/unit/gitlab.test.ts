import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
// GitLab's own JSON schema of .gitlab-ci.yml (app/assets/javascripts/editor/schema/ci.json in
// gitlab-org/gitlab), as gitlab-ci-local ships it to check pipelines before running them.
import gitlabCiSchema from 'gitlab-ci-local/src/schema/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { validCombinations } from '../../src/commands/list.js';
import { type Choices, PACKAGE_MANAGERS } from '../../src/options/schema.js';
import { type Plan, planProject } from '../../src/plan/plan.js';
import { layersFor, planDemo as plan } from '../support/plan.js';

// The framework and the deploy target change nothing but whether an image is built.
const combos = validCombinations().filter(
  (c) =>
    c.ci === 'gitlab' && c.framework === 'express' && ['none', 'kubernetes'].includes(c.deploy),
);
const label = (c: Choices) => Object.values(c).join('+');
const fileOf = (p: Plan, path: string) => p.files.find((f) => f.path === path)?.content;

let validator: ValidateFunction | undefined;
/** The schema's complaints about a pipeline, one line each; empty when GitLab would accept it. */
function schemaProblems(pipeline: unknown): string[] {
  // The options gitlab-ci-local compiles the schema with: it uses draft-07 unions and
  // GitLab's own `markdownDescription` keyword.
  validator ??= new Ajv({
    allErrors: true,
    allowUnionTypes: true,
    validateFormats: false,
    strictTypes: false,
    keywords: ['markdownDescription'],
  }).compile(gitlabCiSchema);
  if (validator(pipeline)) return [];
  return (validator.errors ?? []).map(
    (e: ErrorObject) => `${e.instancePath || '/'} ${e.message} (${e.schemaPath})`,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: a parsed pipeline, read by the tests
type Pipeline = Record<string, any>;

describe.each(combos.map((c) => [label(c), c] as const))('GitLab CI for %s', (_, choices) => {
  let project: Plan;
  let pipeline: Pipeline;
  beforeAll(async () => {
    project = await plan(choices);
    pipeline = parseYaml(fileOf(project, '.gitlab-ci.yml') ?? '');
  });

  it('passes GitLab’s CI schema', () => {
    expect(schemaProblems(pipeline)).toEqual([]);
  });

  it('lints, typechecks, tests and builds after a cached install', () => {
    expect(pipeline.default.before_script).toEqual(['npm ci --cache .npm --prefer-offline']);
    expect(pipeline.default.cache).toEqual({
      key: { files: ['package-lock.json'] },
      paths: ['.npm/'],
    });
    const scripts = ['lint', 'test', 'build'].flatMap((job) => pipeline[job].script);
    expect(scripts).toEqual(['npm run lint', 'npm run typecheck', 'npm run test', 'npm run build']);
    expect(Boolean(fileOf(project, '.github/workflows/ci.yml'))).toBe(false);
  });

  it('tests against the project’s database and Redis as services', () => {
    const { services = [], variables = {} } = pipeline.test;
    const names = services.map((s: { name: string }) => s.name.split(':')[0]);
    const database = { postgres: 'postgres', mysql: 'mysql' }[choices.database];
    expect(names.includes('postgres')).toBe(database === 'postgres');
    expect(names.includes('mysql')).toBe(database === 'mysql');
    expect(names.includes('redis')).toBe(choices.cache === 'redis');
    // Services are reached by their alias, never localhost as in GitHub Actions.
    if (database) expect(variables.DATABASE_URL).toMatch(new RegExp(`@${database}:\\d+/`));
    if (choices.cache === 'redis') expect(variables.REDIS_URL).toBe('redis://redis:6379');
  });

  it(
    choices.deploy === 'none' ? 'builds no image' : 'builds the image once the checks pass',
    () => {
      const image = pipeline['docker-image'];
      expect(Boolean(image)).toBe(choices.deploy !== 'none');
      if (!image) return;
      expect(pipeline.stages.indexOf(image.stage)).toBeGreaterThan(
        pipeline.stages.indexOf('check'),
      );
      expect(image.script).toEqual([
        'docker build --tag "$CI_PROJECT_PATH_SLUG:$CI_COMMIT_SHORT_SHA" .',
      ]);
    },
  );
});

describe.each(PACKAGE_MANAGERS)('a GitLab pipeline for a project installed with %s', (pm) => {
  it('installs from the lockfile and caches the package manager’s store', async () => {
    const choices = combos.find((c) => c.database === 'postgres' && c.cache === 'redis') as Choices;
    const project = planProject(
      { name: 'demo-api', choices, pm, cliVersion: '0' },
      await layersFor(choices),
      (n) => Buffer.alloc(n),
    );
    const pipeline: Pipeline = parseYaml(fileOf(project, '.gitlab-ci.yml') ?? '');
    expect(schemaProblems(pipeline)).toEqual([]);
    const lockfile = {
      npm: 'package-lock.json',
      pnpm: 'pnpm-lock.yaml',
      yarn: 'yarn.lock',
      bun: 'bun.lock',
    };
    expect(pipeline.default.cache.key.files).toEqual([lockfile[pm]]);
    const install = pipeline.default.before_script.at(-1);
    expect(install).toMatch(
      pm === 'npm' ? /^npm ci / : pm === 'yarn' ? /--immutable$/ : /--frozen-lockfile$/,
    );
    // Inside the project, where GitLab can keep it, and where `lint` and `test` do not look: a
    // store of package sources (pnpm's, Bun's) would be linted and tested, so theirs is
    // node_modules itself; npm's and Yarn's caches hold archives only.
    const cached = {
      npm: '.npm/',
      pnpm: 'node_modules/',
      yarn: '.yarn-cache/',
      bun: 'node_modules/',
    };
    expect(pipeline.default.cache.paths).toEqual([cached[pm]]);
    if (pm === 'npm') expect(install).toContain('--cache .npm');
    if (pm === 'yarn') expect(pipeline.variables.YARN_CACHE_FOLDER).toBe('.yarn-cache');
    expect(pipeline.test.script).toEqual([
      pm === 'npm' || pm === 'bun' ? `${pm} run test` : `${pm} test`,
    ]);
  });
});

describe('the schema check', () => {
  it('catches what GitLab would refuse', () => {
    expect(schemaProblems({ test: { script: 'x', stage: 3 } })).not.toEqual([]);
    expect(schemaProblems({ test: { scripts: ['x'] } })).not.toEqual([]);
    expect(schemaProblems({ test: { script: ['x'] } })).toEqual([]);
  });
});
