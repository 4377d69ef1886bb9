import { parse as parseToml } from 'smol-toml';
import { beforeAll, describe, expect, it } from 'vitest';
import { validCombinations } from '../../src/commands/list.js';
import type { Choices } from '../../src/options/schema.js';
import type { Plan } from '../../src/plan/plan.js';
import { planDemo as plan } from '../support/plan.js';

const combos = validCombinations().filter(
  (c) => c.deploy === 'fly' && c.framework === 'express' && c.ci === 'none',
);
const label = (c: Choices) => Object.values(c).join('+');
const fileOf = (p: Plan, path: string) => p.files.find((f) => f.path === path)?.content;
const readme = (p: Plan) => fileOf(p, 'README.md') ?? '';

// biome-ignore lint/suspicious/noExplicitAny: parsed fly.toml, read by the tests
type FlyConfig = Record<string, any>;

describe.each(combos.map((c) => [label(c), c] as const))('fly.toml for %s', (_, choices) => {
  let project: Plan;
  let fly: FlyConfig;
  const hasDatabase = choices.database !== 'none';
  beforeAll(async () => {
    project = await plan(choices);
    fly = parseToml(fileOf(project, 'fly.toml') ?? '');
  });

  it('serves the app’s port over HTTPS, checked on /health', () => {
    expect(fly.app).toBe('demo-api');
    expect(fly.build).toEqual({ dockerfile: 'Dockerfile' });
    expect(fly.http_service.internal_port).toBe(Number(fly.env.PORT));
    expect(fly.http_service.force_https).toBe(true);
    expect(fly.http_service.checks).toEqual([
      expect.objectContaining({ method: 'GET', path: '/health' }),
    ]);
    expect(fly.env).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0' });
    // Every value in [env] is a string: Fly passes them to the process as they are.
    for (const value of Object.values(fly.env)) expect(typeof value).toBe('string');
  });

  it('gives a graceful shutdown more time than SHUTDOWN_TIMEOUT_MS', () => {
    const shutdown = Number(
      /^SHUTDOWN_TIMEOUT_MS=(\d+)$/m.exec(fileOf(project, '.env.example') ?? '')?.[1],
    );
    expect(fly.kill_signal).toBe('SIGTERM');
    expect(fly.kill_timeout).toBeGreaterThan(shutdown / 1000);
  });

  it(hasDatabase ? 'runs the migrations as the release command' : 'has no release command', () => {
    expect(fly.deploy?.release_command).toBe(hasDatabase ? 'node dist/db/migrate.js' : undefined);
  });

  it('lists in the README the secrets to set, and how to deploy', () => {
    const section = readme(project).slice(readme(project).indexOf('### Fly.io'));
    expect(section).toContain('fly deploy');
    expect(section.includes('DATABASE_URL')).toBe(hasDatabase);
    expect(section.includes('fly mpg attach')).toBe(choices.database === 'postgres');
    expect(section.includes('fly secrets set JWT_SECRET="$(openssl rand -base64 48)"')).toBe(
      choices.auth === 'jwt',
    );
    expect(section.includes('REDIS_URL')).toBe(choices.cache === 'redis');
    // No secret is in fly.toml: only in `fly secrets`.
    for (const name of ['DATABASE_URL', 'JWT_SECRET', 'REDIS_URL'])
      expect(fly.env[name]).toBeUndefined();
  });
});
