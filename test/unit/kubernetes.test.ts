import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { validCombinations } from '../../src/commands/list.js';
import type { Choices } from '../../src/options/schema.js';
import type { Plan } from '../../src/plan/plan.js';
import { type Manifest, parseManifests, schemaProblems } from '../support/kubernetes.js';
import { planDemo as plan } from '../support/plan.js';

// The manifests do not depend on the framework: one framework, every other choice.
const combos = validCombinations().filter(
  (c) => c.deploy === 'kubernetes' && c.framework === 'express' && c.ci === 'none',
);
const label = (c: Choices) => Object.values(c).join('+');

const fileOf = (p: Plan, path: string) => p.files.find((f) => f.path === path)?.content;

/** `KEY=value` lines of an env file, comments left out. */
function envFile(text = ''): Map<string, string> {
  const lines = text.split('\n').filter((line) => line && !line.startsWith('#'));
  return new Map(
    lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

describe.each(combos.map((c) => [label(c), c] as const))(
  'Kubernetes manifests for %s',
  (_, choices) => {
    let project: Plan;
    let objects: Manifest[];
    const byKind = (kind: string) => objects.find((o) => o.kind === kind) as Manifest;
    const hasDatabase = choices.database !== 'none';

    beforeAll(async () => {
      project = await plan(choices);
      const kustomization = parseYaml(fileOf(project, 'k8s/base/kustomization.yaml') ?? '');
      objects = (kustomization.resources as string[]).flatMap((resource) =>
        parseManifests(fileOf(project, `k8s/base/${resource}`) ?? `missing: ${resource}`),
      );
    });

    it('lists every manifest of the base in its kustomization, each valid for the Kubernetes API', () => {
      const manifests = project.files
        .map((f) => f.path)
        .filter((path) => /^k8s\/base\/.*\.yaml$/.test(path))
        .filter((path) => !/kustomization|secret\.example/.test(path));
      expect(objects.length).toBe(manifests.length);
      const secret = parseManifests(fileOf(project, 'k8s/base/secret.example.yaml') ?? '');
      expect(objects.concat(secret).flatMap(schemaProblems)).toEqual([]);
      expect(objects.map((o) => o.kind).sort()).toEqual(
        [
          'Deployment',
          'HorizontalPodAutoscaler',
          'Ingress',
          'PodDisruptionBudget',
          'Service',
          ...(hasDatabase ? ['Job'] : []),
        ].sort(),
      );
    });

    it('probes /health and /ready and runs non-root on a read-only filesystem', () => {
      const pod = byKind('Deployment').spec.template.spec;
      const [container] = pod.containers;
      expect(container.livenessProbe.httpGet).toEqual({ path: '/health', port: 'http' });
      expect(container.readinessProbe.httpGet).toEqual({ path: '/ready', port: 'http' });
      expect(container.ports).toEqual([{ name: 'http', containerPort: 3000 }]);
      expect(container.resources.requests).toBeDefined();
      expect(container.resources.limits.memory).toBeDefined();
      // The image's user is `node` by name: only a numeric one lets runAsNonRoot be verified.
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
      expect(container.securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
      });
    });

    it('leaves in-flight requests their SHUTDOWN_TIMEOUT_MS before Kubernetes kills the pod', () => {
      const pod = byKind('Deployment').spec.template.spec;
      const config = envFile(fileOf(project, 'k8s/base/config.env'));
      const shutdown = Number(config.get('SHUTDOWN_TIMEOUT_MS')) / 1000;
      const preStop = pod.containers[0].lifecycle.preStop.sleep.seconds;
      expect(shutdown).toBe(10);
      expect(preStop).toBeGreaterThan(0);
      // preStop, then SIGTERM: the server then has SHUTDOWN_TIMEOUT_MS, and closes its connections.
      expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(preStop + shutdown + 5);
    });

    it('selects only the API pods with the Service, HPA and PDB, never the migration pod', () => {
      const selector = byKind('Deployment').spec.selector.matchLabels;
      expect(byKind('Deployment').spec.template.metadata.labels).toEqual(selector);
      expect(byKind('Service').spec.selector).toEqual(selector);
      expect(byKind('PodDisruptionBudget').spec.selector.matchLabels).toEqual(selector);
      expect(byKind('HorizontalPodAutoscaler').spec.scaleTargetRef.name).toBe('demo-api');
      expect(byKind('Deployment').spec.replicas).toBeUndefined();
      if (hasDatabase) {
        const job = byKind('Job').spec.template;
        expect(job.metadata.labels['app.kubernetes.io/component']).toBe('migration');
        expect(job.spec.containers[0].command).toEqual(['node', 'dist/db/migrate.js']);
        // The README applies `-l app.kubernetes.io/component!=api` first: the Job and its config.
        expect(byKind('Job').metadata.labels?.['app.kubernetes.io/component']).not.toBe('api');
      }
    });

    it('puts the settings in the ConfigMap and the credentials in the Secret, never both', () => {
      const example = envFile(fileOf(project, '.env.example'));
      const config = envFile(fileOf(project, 'k8s/base/config.env'));
      const [secret] = parseManifests(fileOf(project, 'k8s/base/secret.example.yaml') ?? '');
      const secrets = Object.keys((secret?.stringData as object) ?? {});
      // Every name is one the app reads (a typo would be ignored silently).
      for (const name of [...config.keys(), ...secrets]) expect(example.has(name), name).toBe(true);
      expect(secrets.filter((name) => config.has(name))).toEqual([]);
      expect(config.get('NODE_ENV')).toBe('production');
      expect(secrets.includes('DATABASE_URL')).toBe(hasDatabase);
      expect(secrets.includes('JWT_SECRET')).toBe(choices.auth === 'jwt');
      expect(secrets.includes('REDIS_URL')).toBe(choices.cache === 'redis');
      expect(secrets.includes('METRICS_TOKEN')).toBe(choices.observability === 'otel');
      // The Secret is made by hand: the manifests never include it, and refer to it only when
      // there is something in it.
      const refs = JSON.stringify(byKind('Deployment').spec.template.spec.containers[0].envFrom);
      expect(refs.includes('demo-api-secrets')).toBe(secrets.length > 0);
    });

    it('says in the README how to deploy: the Secret, the migrations, then the app', () => {
      const readme = fileOf(project, 'README.md') ?? '';
      const section = readme.slice(readme.indexOf('### Kubernetes'));
      const [secret] = parseManifests(fileOf(project, 'k8s/base/secret.example.yaml') ?? '');
      for (const name of Object.keys((secret?.stringData as object) ?? {})) {
        expect(section).toContain(`--from-literal=${name}=`);
      }
      expect(section).toContain('kubectl apply -k k8s/overlays/prod\n');
      expect(section.includes('kubectl -n demo-api delete job demo-api-migrate')).toBe(hasDatabase);
    });
  },
);

describe('the Dockerfile', () => {
  it('comes with every deploy target, the same for each', async () => {
    const targets = ['docker', 'kubernetes', 'fly', 'render'];
    const base = combos[0] as Choices;
    const files = await Promise.all(
      targets.map(async (deploy) => {
        const p = await plan({ ...base, deploy });
        return [fileOf(p, 'Dockerfile'), fileOf(p, '.dockerignore')];
      }),
    );
    for (const [dockerfile] of files) expect(dockerfile).toBe(files[0]?.[0]);
    // Each target's own files stay out of the build context.
    expect(files.map(([, ignore]) => ignore?.split('\n').at(-2))).toEqual([
      'docker-compose.yml',
      'k8s',
      'fly.toml',
      'render.yaml',
    ]);
  });
});
