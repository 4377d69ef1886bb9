import { editJson } from '../edits/json.js';
import type { Choices } from '../options/schema.js';
import type { DependencyName } from '../versions.js';
import type { FileEdit, ModuleDefinition } from './types.js';

/**
 * The instrumentation of the framework's HTTP layer: NestJS runs on Express (the NestJS
 * instrumentation stops before NestJS 12), Hono is traced through node:http alone.
 */
const FRAMEWORK_INSTRUMENTATION: Readonly<Record<string, readonly DependencyName[]>> = {
  express: ['@opentelemetry/instrumentation-express'],
  nest: ['@opentelemetry/instrumentation-express'],
  fastify: ['@fastify/otel'],
};

/** The database driver's instrumentation; PGlite and libSQL have none. */
const DRIVER_INSTRUMENTATION: Readonly<Record<string, readonly DependencyName[]>> = {
  postgres: ['@opentelemetry/instrumentation-pg'],
  mysql: ['@opentelemetry/instrumentation-mysql2'],
};

function dependencies(choices: Choices): DependencyName[] {
  return [
    'prom-client',
    '@opentelemetry/api',
    '@opentelemetry/sdk-node',
    '@opentelemetry/instrumentation',
    '@opentelemetry/instrumentation-http',
    '@opentelemetry/instrumentation-pino',
    ...(FRAMEWORK_INSTRUMENTATION[choices.framework] ?? []),
    ...(DRIVER_INSTRUMENTATION[choices.database] ?? []),
  ];
}

// How the scripts start the server, compiled (`start`, NestJS's `dev`) and from source (`dev`).
const STARTS: readonly [RegExp, string][] = [
  [/\bnode (?!--import)dist\/server\.js/, 'node --import ./dist/instrumentation.js dist/server.js'],
  [
    /\btsx watch (?!--import)src\/server\.ts/,
    'tsx watch --import ./src/instrumentation.ts src/server.ts',
  ],
];

/** The SDK must start before the app is imported, so that its modules can be instrumented. */
const startWithInstrumentation: FileEdit = {
  path: 'package.json',
  description: 'start the server with --import of the OpenTelemetry setup',
  apply: (content) =>
    editJson<{ scripts?: Record<string, string> }>(content, (pkg) => {
      const scripts = { ...pkg.scripts };
      for (const name of ['start', 'dev']) {
        for (const [from, to] of STARTS) {
          const script = scripts[name];
          if (script) scripts[name] = script.replace(from, to);
        }
      }
      if (!scripts.start?.includes('--import')) {
        throw new Error('package.json no longer starts the server with "node dist/server.js"');
      }
      const same = scripts.start === pkg.scripts?.start && scripts.dev === pkg.scripts?.dev;
      return same ? undefined : { ...pkg, scripts };
    }),
};

const PROBES = /const probePaths = new Set\(\[([^\]]*)\]\);/;

/** A scrape every few seconds is logged like a probe: at debug, unless it fails. */
const logScrapesLikeProbes: FileEdit = {
  path: 'src/core/logger.ts',
  description: 'log successful /metrics requests at debug, like the probes',
  apply(content) {
    const paths = PROBES.exec(content)?.[1];
    if (paths === undefined) {
      throw new Error(
        'src/core/logger.ts no longer declares probePaths as the otel module expects',
      );
    }
    if (paths.includes('"/metrics"')) return content;
    return content
      .replace(PROBES, `const probePaths = new Set([${paths}, "/metrics"]);`)
      .replace(
        '/** The paths of the liveness and readiness probes (see the health routes). */',
        '/** The paths platforms poll: the liveness and readiness probes, and the metrics scrape. */',
      );
  },
};

/** Prometheus metrics at /metrics and OpenTelemetry traces over OTLP, for every framework. */
export const otel: ModuleDefinition = {
  id: 'otel',
  description:
    'Prometheus /metrics (prom-client) and OpenTelemetry traces over OTLP, the trace id on every log line',
  choice: {
    key: 'observability',
    value: 'otel',
    label: 'Prometheus + OpenTelemetry',
    hint: '/metrics to scrape; traces over OTLP once OTEL_EXPORTER_OTLP_ENDPOINT is set',
  },
  dependencies,
  env: [
    {
      name: 'METRICS_TOKEN',
      description:
        'Bearer token a scraper must send to read /metrics, 16+ characters; required in production',
      schema: 'z.string().min(16, "must be at least 16 characters")',
      secretBytes: 32,
    },
    {
      name: 'OTEL_SERVICE_NAME',
      description: 'The service name traces carry',
      example: (name) => name,
    },
    {
      name: 'OTEL_EXPORTER_OTLP_ENDPOINT',
      description:
        'OTLP/HTTP endpoint of a collector to send traces to, e.g. http://localhost:4318; empty sends none',
      schema: `z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
    .optional()`,
      example: '',
    },
  ],
  edits: [startWithInstrumentation, logScrapesLikeProbes],
};
