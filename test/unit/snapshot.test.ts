import { describe, expect, it } from 'vitest';
import type { Choices } from '../../src/options/schema.js';
import { planProject, templateLayers } from '../../src/plan/plan.js';
import { readLayers } from '../../src/plan/template-source.js';
import { bareChoices } from '../support/choices.js';

const snapshots: [string, Choices][] = [
  [
    'express-postgres-jwt-redis-docker-github',
    {
      framework: 'express',
      database: 'postgres',
      auth: 'jwt',
      cache: 'redis',
      deploy: 'docker',
      ci: 'github',
      observability: 'none',
    },
  ],
  ['express-none-none-none-none-none', bareChoices()],
];

/**
 * Whole generated trees, one file per combination, so a review shows exactly what a template
 * change does to the output. Secrets come from a fixed byte source to keep them stable.
 */
describe.each(snapshots)('generated tree %s', (name, choices) => {
  it('matches the snapshot', async () => {
    const layers = await readLayers(templateLayers(choices));
    const plan = planProject(
      { name: 'snapshot-api', choices, pm: 'npm', cliVersion: '0.0.0-snapshot' },
      layers,
      (size) => Buffer.alloc(size, 0xab),
    );
    const tree = plan.files.map((file) => `===== ${file.path} =====\n${file.content}`).join('\n');
    await expect(tree).toMatchFileSnapshot(`../__snapshots__/${name}.txt`);
  });
});
