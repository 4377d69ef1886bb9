import { describe, expect, it } from 'vitest';
import { modulesFor } from '../../src/modules/registry.js';
import type { Choices } from '../../src/options/schema.js';
import { buildPackageJson } from '../../src/plan/package-json.js';

const choices = (framework: Choices['framework']): Choices => ({
  framework,
  database: 'none',
  auth: 'none',
  cache: 'none',
  deploy: 'none',
  ci: 'none',
  observability: 'none',
});

const packageJson = (c: Choices) =>
  buildPackageJson({ name: 'demo', pm: 'npm', choices: c }, modulesFor(c));

describe('buildPackageJson', () => {
  it('opts out of install telemetry exactly when a dependency brings @scarf/scarf', () => {
    for (const framework of ['express', 'fastify', 'hono', 'nest'] as const) {
      const pkg = packageJson(choices(framework));
      const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
      const bringsScarf = names.some((name) =>
        ['swagger-ui-dist', 'swagger-ui-express', '@nestjs/swagger'].includes(name),
      );
      expect(pkg.scarfSettings, framework).toEqual(bringsScarf ? { enabled: false } : undefined);
    }
  });
});
