import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Choices } from '../../../src/options/schema.js';
import { type Runtime, type Server, startServer } from './project.js';

const promtool = (() => {
  try {
    execFileSync('promtool', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!promtool && !process.env.CI) {
  console.warn(
    "promtool not found: skipping the check of /metrics in Prometheus's format. Install Debian's prometheus package.",
  );
}

// prom-client names three gauges of its default metrics with a `_total` suffix.
const PROM_CLIENT_FINDING =
  /^nodejs_active_(handles|requests|resources)_total non-counter metrics should not have "_total" suffix$/;

/** A stand-in for an OpenTelemetry collector: it keeps each OTLP/HTTP request body. */
function startCollector(bodies: Buffer[]): HttpServer {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks));
      res.writeHead(200, { 'Content-Type': 'application/x-protobuf' }).end();
    });
  }).listen(0, '127.0.0.1');
}

/** The built project of a row made with `--observability otel`, and how to run it. */
export interface ObservedProject {
  dir: string;
  runtime: Runtime;
  /** Where its database is (the contract server's settings). */
  env: Record<string, string>;
}

/**
 * `--observability otel`: the built server, started as `npm start` starts it (instrumentation
 * loaded with `--import`), serves /metrics that Prometheus's `promtool` accepts and sends the
 * spans of a request and its queries over OTLP/HTTP (protobuf) when it stops.
 */
export function describeObservability(project: () => ObservedProject, choices: Choices): void {
  describe('observed with metrics and traces', () => {
    const bodies: Buffer[] = [];
    let collector: HttpServer;
    let server: Server | undefined;
    const traceId = randomBytes(16).toString('hex');

    beforeAll(async () => {
      collector = startCollector(bodies);
      await once(collector, 'listening');
      const { dir, runtime, env } = project();
      server = await startServer(
        dir,
        {
          ...env,
          // Probes are logged at debug: the /ready line is the one that carries the trace id.
          LOG_LEVEL: 'debug',
          OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
        },
        runtime,
      );
    });

    afterAll(async () => {
      await server?.stop('SIGKILL');
      collector?.close();
    });

    it('serves /metrics in a format Prometheus accepts, counting the requests', async () => {
      const url = server?.url;
      const traceparent = `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
      expect((await fetch(`${url}/ready`, { headers: { traceparent } })).status).toBe(200);
      expect((await fetch(`${url}/api/v1`)).status).toBe(200);
      // The server reads the METRICS_TOKEN that `create` wrote to .env; without it, a 401.
      const env = readFileSync(path.join(project().dir, '.env'), 'utf8');
      const token = /^METRICS_TOKEN=(.+)$/m.exec(env)?.[1];
      expect(token).toBeDefined();
      expect((await fetch(`${url}/metrics`)).status).toBe(401);
      const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
      const text = await res.text();
      expect(res.status).toBe(200);
      expect(text).toContain('http_requests_total{method="GET",route="/api/v1",status="200"} 1');
      if (promtool) {
        const check = await execa('promtool', ['check', 'metrics'], {
          input: text,
          reject: false,
          all: true,
        });
        // Exit code 3 is lint findings, 1 a format error. prom-client's own process metrics
        // have one finding (gauges named `…_total`); the app's metrics must have none.
        const findings = check.all?.split('\n').filter(Boolean) ?? [];
        const ours = findings.filter((line) => !PROM_CLIENT_FINDING.test(line));
        expect(check.exitCode === 0 || (check.exitCode === 3 && ours.length === 0), check.all).toBe(
          true,
        );
      } else if (process.env.CI) {
        throw new Error("promtool is missing: .ci/run installs Debian's prometheus package");
      }
    });

    it("sends the request's spans when it stops, with the trace id on its log line", async () => {
      const code = await server?.stop('SIGTERM');
      const output = server?.output() ?? '';
      server = undefined;
      expect(code, output).toBe(0);
      // OTLP/HTTP's default encoding is protobuf: ids are raw bytes, names plain UTF-8.
      const sent = Buffer.concat(bodies);
      expect(sent.includes(Buffer.from(traceId, 'hex'))).toBe(true);
      expect(sent.includes('GET /ready')).toBe(true);
      // Queries are traced on a database server (mysql2, node-postgres), not on an embedded one.
      const databaseUrl = project().env.DATABASE_URL ?? '';
      const serverDatabase =
        choices.database === 'mysql' ||
        (choices.database === 'postgres' && /^postgres(ql)?:/.test(databaseUrl));
      expect(sent.includes('db.')).toBe(serverDatabase);
      expect(output).toContain(`"trace_id":"${traceId}"`);
    });
  });
}
