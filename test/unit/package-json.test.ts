import { describe, expect, it } from 'vitest';
import { modulesFor } from '../../src/modules/registry.js';
import type { Choices } from '../../src/options/schema.js';
import {
  admitsNodeVersion,
  buildPackageJson,
  nodeEngines,
  nodeTypesVersion,
} from '../../src/plan/package-json.js';
import { bareChoices } from '../support/choices.js';

const packageJson = (c: Choices) =>
  buildPackageJson({ name: 'demo', pm: 'npm', choices: c }, modulesFor(c));

describe('buildPackageJson', () => {
  it('opts out of install telemetry exactly when a dependency brings @scarf/scarf', () => {
    for (const framework of ['express', 'fastify', 'hono', 'nest'] as const) {
      const pkg = packageJson(bareChoices(framework));
      const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
      const bringsScarf = names.some((name) =>
        ['swagger-ui-dist', 'swagger-ui-express', '@nestjs/swagger'].includes(name),
      );
      expect(pkg.scarfSettings, framework).toEqual(bringsScarf ? { enabled: false } : undefined);
    }
  });

  it.each(['express', 'fastify', 'hono', 'nest'] as const)(
    'builds %s only once src/ type-checks',
    (framework) => {
      const build = packageJson(bareChoices(framework)).scripts.build ?? '';
      // tsc type-checks whether it emits or not; it runs before anything is written to dist/.
      const steps = build.split(' && ');
      const checks = steps.findIndex((step) => step.startsWith('tsc -p tsconfig.build.json'));
      expect(checks).toBeGreaterThanOrEqual(0);
      expect(steps.slice(0, checks).join(' ')).not.toMatch(/\bswc\b/);
    },
  );

  it('lets SWC empty dist/ before it emits a NestJS build', () => {
    expect(packageJson(bareChoices('nest')).scripts.build).toContain('--delete-dir-on-start');
  });
});

describe('nodeEngines', () => {
  it.each([
    ['express', '^20.19.0 || ^22.12.0 || >=24.0.0'],
    ['hono', '^20.19.0 || ^22.12.0 || >=24.0.0'],
    // fastify and @fastify/swagger-ui install packages that declare Node.js 22 or later.
    ['fastify', '^22.12.0 || >=24.0.0'],
    ['nest', '^22.12.0 || >=24.0.0'],
  ] as const)(
    'declares for %s the versions every package it installs admits',
    (framework, range) => {
      expect(packageJson(bareChoices(framework)).engines.node).toBe(range);
    },
  );

  it('keeps what every range admits, as ^ and >= parts', () => {
    expect(nodeEngines([])).toBe('^20.19.0 || ^22.12.0 || >=24.0.0');
    // vitest admits no Node.js 23, whatever a package that asks for 22.12 or later says.
    expect(nodeEngines(['nestjs-pino'])).toBe('^22.12.0 || >=24.0.0');
    expect(nodeEngines(['fastify', '@fastify/swagger-ui', 'nestjs-pino'])).toBe(
      '^22.12.0 || >=24.0.0',
    );
  });
});

describe('@types/node', () => {
  it.each([
    ['express', '20.19.43'],
    ['hono', '20.19.43'],
    ['fastify', '22.20.7'],
    ['nest', '22.20.7'],
  ] as const)('is for the oldest Node.js a %s project runs on: %s', (framework, version) => {
    expect(packageJson(bareChoices(framework)).devDependencies['@types/node']).toBe(version);
  });

  it('refuses engines it has no types for', () => {
    expect(() => nodeTypesVersion('>=26.0.0')).toThrow(/no @types\/node for Node.js 26/);
  });
});

describe('admitsNodeVersion', () => {
  it.each([
    ['20.19.0', true],
    ['v20.20.2', true],
    ['20.18.3', false],
    ['21.7.0', false],
    ['22.11.0', false],
    ['22.12.0', true],
    ['23.11.1', false],
    ['24.0.0', true],
    ['25.2.1', true],
  ] as const)('^20.19.0 || ^22.12.0 || >=24.0.0 admits %s: %s', (version, admitted) => {
    expect(admitsNodeVersion('^20.19.0 || ^22.12.0 || >=24.0.0', version)).toBe(admitted);
  });
});
