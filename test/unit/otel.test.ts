import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { addModule } from '../../src/commands/add.js';
import { createProject } from '../../src/commands/create.js';
import { otel } from '../../src/modules/otel.js';
import { type Choices, DEFAULT_CHOICES } from '../../src/options/schema.js';
import type { Plan } from '../../src/plan/plan.js';
import { fakeRunner, tempDir, testContext } from '../support/context.js';
import { parseManifests } from '../support/kubernetes.js';
import { planDemo as plan } from '../support/plan.js';

const fileOf = (p: Plan, path: string) => p.files.find((f) => f.path === path)?.content ?? '';
const label = (c: Choices) => Object.values(c).join('+');

/** One project per framework and database (each database with two frameworks), with otel. */
const withOtel: Choices[] = [
  ['express', 'postgres', 'docker'],
  ['express', 'mysql', 'kubernetes'],
  ['fastify', 'sqlite', 'docker'],
  ['fastify', 'postgres', 'none'],
  ['hono', 'mysql', 'docker'],
  ['hono', 'none', 'kubernetes'],
  ['nest', 'sqlite', 'kubernetes'],
  ['nest', 'none', 'docker'],
].map(([framework, database, deploy]) => ({
  ...DEFAULT_CHOICES,
  framework: framework as string,
  database: database as string,
  auth: database === 'none' ? 'none' : 'jwt',
  deploy: deploy as string,
  ci: 'none',
  observability: 'otel',
}));

const FRAMEWORK_INSTRUMENTATION: Record<string, string> = {
  express: '@opentelemetry/instrumentation-express',
  nest: '@opentelemetry/instrumentation-express',
  fastify: '@fastify/otel',
};
const DRIVER_INSTRUMENTATION: Record<string, string> = {
  postgres: '@opentelemetry/instrumentation-pg',
  mysql: '@opentelemetry/instrumentation-mysql2',
};

describe.each(withOtel.map((c) => [label(c), c] as const))('observability for %s', (_, choices) => {
  let project: Plan;
  beforeAll(async () => {
    project = await plan(choices);
  });

  it('brings the SDK, the instrumentations of its framework and driver, and prom-client', () => {
    const { dependencies } = JSON.parse(fileOf(project, 'package.json'));
    const otelPackages = Object.keys(dependencies).filter((name) =>
      /opentelemetry|otel|prom-client/.test(name),
    );
    expect(otelPackages.sort()).toEqual(
      [
        'prom-client',
        '@opentelemetry/api',
        '@opentelemetry/sdk-node',
        '@opentelemetry/instrumentation',
        '@opentelemetry/instrumentation-http',
        '@opentelemetry/instrumentation-pino',
        FRAMEWORK_INSTRUMENTATION[choices.framework],
        DRIVER_INSTRUMENTATION[choices.database],
      ]
        .filter(Boolean)
        .sort(),
    );
    const setup = fileOf(project, 'src/instrumentation.ts');
    for (const name of otelPackages.filter(
      (n) => n.includes('instrumentation-') || n === '@fastify/otel',
    )) {
      expect(setup, name).toContain(`from "${name}"`);
    }
  });

  it('starts the server with the SDK imported first, compiled and from source', () => {
    const { scripts } = JSON.parse(fileOf(project, 'package.json'));
    expect(scripts.start).toBe('node --import ./dist/instrumentation.js dist/server.js');
    expect(scripts.dev).toMatch(
      choices.framework === 'nest'
        ? /&& node --import \.\/dist\/instrumentation\.js dist\/server\.js"/
        : /^tsx watch --import \.\/src\/instrumentation\.ts src\/server\.ts /,
    );
    if (choices.deploy !== 'none') {
      expect(fileOf(project, 'Dockerfile')).toMatch(
        /^CMD \["node", "--import", "\.\/dist\/instrumentation\.js", "dist\/server\.js"\]$/m,
      );
    }
  });

  it('sends traces only to an endpoint the environment names, and flushes them on shutdown', () => {
    const setup = fileOf(project, 'src/instrumentation.ts');
    expect(setup).toContain('process.env.OTEL_EXPORTER_OTLP_ENDPOINT');
    expect(setup).toContain('const sdk = endpoint ? startTracing() : undefined;');
    expect(fileOf(project, 'src/server.ts')).toContain('await shutdownTracing();');
    expect(fileOf(project, '.env')).toMatch(/^OTEL_EXPORTER_OTLP_ENDPOINT=$/m);
    expect(fileOf(project, '.env')).toMatch(/^METRICS_TOKEN=[\w-]{43}$/m);
    expect(fileOf(project, '.env.example')).toMatch(/^METRICS_TOKEN=$/m);
    expect(fileOf(project, 'src/config/env.ts')).toContain('METRICS_TOKEN: z');
  });

  it('serves /metrics, counted by route, logged like a probe, and tested', () => {
    const paths = project.files.map((f) => f.path);
    for (const path of [
      'src/metrics/http-metrics.ts',
      'src/metrics/metrics-token.ts',
      'test/http/metrics.test.ts',
      'test/instrumentation.test.ts',
      'test/helpers/server-process.ts',
    ]) {
      expect(paths, path).toContain(path);
    }
    expect(paths.includes('test/helpers/traced-database.ts')).toBe(choices.database !== 'none');
    expect(fileOf(project, 'src/core/logger.ts')).toMatch(
      /const probePaths = new Set\(\[.*"\/metrics"\]\);/,
    );
    const app = fileOf(project, choices.framework === 'nest' ? 'src/app.module.ts' : 'src/app.ts');
    expect(app).toMatch(/metrics/i);
  });

  it('documents metrics and traces in the README', () => {
    const readme = fileOf(project, 'README.md');
    expect(readme).toContain('## Metrics and traces');
    expect(readme).toContain('`OTEL_EXPORTER_OTLP_ENDPOINT`');
    expect(readme).toContain('(runs `node --import ./dist/instrumentation.js dist/server.js`)');
  });

  if (choices.deploy === 'docker') {
    it('runs an OpenTelemetry collector in the observability profile of docker compose', () => {
      const compose = parseYaml(fileOf(project, 'docker-compose.yml'));
      expect(compose.services['otel-collector'].profiles).toEqual(['observability']);
      expect(compose.services.app.profiles).toBeUndefined();
      // Compose's own variable syntax: empty unless the shell or .env sets it.
      expect(compose.services.app.environment.OTEL_EXPORTER_OTLP_ENDPOINT).toMatch(
        /^\$\{OTEL_EXPORTER_OTLP_ENDPOINT:-\}$/,
      );
      const collector = parseYaml(compose.configs['otel-collector'].content);
      expect(collector.service.pipelines.traces).toEqual({
        receivers: ['otlp'],
        exporters: ['debug'],
      });
      expect(collector.receivers.otlp.protocols.http.endpoint).toBe('0.0.0.0:4318');
    });
  }

  if (choices.deploy === 'kubernetes') {
    it('annotates the pods for Prometheus to scrape', () => {
      const [deployment] = parseManifests(fileOf(project, 'k8s/base/deployment.yaml'));
      // biome-ignore lint/suspicious/noExplicitAny: a parsed manifest
      const pod = (deployment as any).spec.template.metadata;
      expect(pod.annotations).toEqual({
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': '3000',
        'prometheus.io/path': '/metrics',
      });
      expect(fileOf(project, 'k8s/base/config.env')).toMatch(/^OTEL_EXPORTER_OTLP_ENDPOINT=$/m);
    });
  }
});

describe('without observability', () => {
  const choices: Choices = { ...DEFAULT_CHOICES, deploy: 'kubernetes' };
  let project: Plan;
  beforeAll(async () => {
    project = await plan(choices);
  });

  it('has none of it', () => {
    const { scripts, dependencies } = JSON.parse(fileOf(project, 'package.json'));
    expect(scripts.start).toBe('node dist/server.js');
    expect(
      Object.keys(dependencies).filter((name) => /opentelemetry|prom-client/.test(name)),
    ).toEqual([]);
    expect(project.files.filter((f) => /instrumentation|metrics/.test(f.path))).toEqual([]);
    expect(fileOf(project, 'src/core/logger.ts')).not.toContain('/metrics');
    expect(fileOf(project, 'Dockerfile')).toMatch(/^CMD \["node", "dist\/server\.js"\]$/m);
    expect(fileOf(project, 'README.md')).not.toMatch(/metrics|OTEL_/i);
    expect(fileOf(project, 'k8s/base/deployment.yaml')).not.toContain('prometheus.io');
    expect(fileOf(project, '.env.example')).not.toContain('OTEL_');
  });
});

describe('the otel module’s edits', () => {
  const [packageJson, logger] = otel.edits ?? [];
  const pkg = (scripts: Record<string, string>) =>
    `${JSON.stringify({ name: 'x', scripts }, null, 2)}\n`;

  it('put --import of the SDK in start and dev, once', () => {
    const before = pkg({
      dev: 'tsx watch src/server.ts | pino-pretty',
      start: 'node dist/server.js',
      test: 'vitest run',
    });
    const after = packageJson?.apply(before) ?? '';
    expect(JSON.parse(after).scripts).toEqual({
      dev: 'tsx watch --import ./src/instrumentation.ts src/server.ts | pino-pretty',
      start: 'node --import ./dist/instrumentation.js dist/server.js',
      test: 'vitest run',
    });
    expect(packageJson?.apply(after)).toBe(after);
  });

  it('refuse a package.json whose start script they do not know', () => {
    expect(() => packageJson?.apply(pkg({ start: 'bun dist/server.js' }))).toThrow(
      /no longer starts the server/,
    );
  });

  it('log scrapes like probes, once', () => {
    const before = 'const probePaths = new Set(["/health", "/ready"]);\n';
    const after = logger?.apply(before) ?? '';
    expect(after).toBe('const probePaths = new Set(["/health", "/ready", "/metrics"]);\n');
    expect(logger?.apply(after)).toBe(after);
    expect(() => logger?.apply('export {};\n')).toThrow(/probePaths/);
  });
});

describe('add observability', () => {
  it('brings metrics and tracing to a project, keeping its edits', async () => {
    const cwd = await tempDir();
    await createProject(
      {
        directory: 'app',
        framework: 'fastify',
        database: 'postgres',
        auth: 'none',
        deploy: 'docker',
        ci: 'none',
        install: false,
        git: false,
      },
      testContext({ cwd }),
    );
    const dir = path.join(cwd, 'app');
    const read = (file: string) => readFile(path.join(dir, file), 'utf8');
    const app = await read('src/app.ts');
    await writeFile(
      path.join(dir, 'src/app.ts'),
      app.replace('  return app;\n}', '  app.decorate("mine", true);\n  return app;\n}'),
    );

    const run = fakeRunner();
    const result = await addModule({ module: 'observability' }, testContext({ cwd: dir, run }));

    expect(result).toMatchObject({ module: 'observability', value: 'otel', installed: true });
    expect(run.calls).toEqual(['npm install']);
    expect(result.changes).toContainEqual({ path: 'src/instrumentation.ts', kind: 'create' });
    expect(result.changes).toContainEqual({ path: 'src/app.ts', kind: 'merge' });
    expect(await read('src/app.ts')).toContain('app.decorate("mine", true);');
    expect(await read('src/app.ts')).toContain(
      'await app.register(metrics, { token: config.METRICS_TOKEN });',
    );
    expect(await read('src/server.ts')).toContain('await shutdownTracing();');
    expect(await read('src/core/logger.ts')).toContain('"/metrics"');
    expect(await read('Dockerfile')).toContain('"--import", "./dist/instrumentation.js"');
    expect(await read('docker-compose.yml')).toContain('otel-collector:');
    expect(await read('.env')).toMatch(/^OTEL_EXPORTER_OTLP_ENDPOINT=$/m);
    expect(await read('.env')).toMatch(/^METRICS_TOKEN=[\w-]{43}$/m);
    const pkg = JSON.parse(await read('package.json'));
    expect(pkg.scripts.start).toBe('node --import ./dist/instrumentation.js dist/server.js');
    expect(pkg.dependencies['@fastify/otel']).toBeDefined();
    const manifest = JSON.parse(await read('create-backend.json'));
    expect(manifest.options.observability).toBe('otel');
    expect(manifest.modules).toContain('otel');

    const again = await addModule({ module: 'otel' }, testContext({ cwd: dir }));
    expect(again.changes).toEqual([]);
  });
});
