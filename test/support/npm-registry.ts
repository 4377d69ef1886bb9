import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { execa } from 'execa';
import { tempDir } from './temp-dirs.js';

/**
 * An npm registry on 127.0.0.1, in this process: installs from it need no network. It serves
 * what `publish` was given, as the public registry does: a package's document (the abbreviated
 * one, `application/vnd.npm.install-v1+json`, to a client that asks for it, else the full one)
 * at `/<name>`, its tarballs at `/<name>/-/<name>-<version>.tgz`. Unscoped names only.
 */
export interface NpmRegistry {
  /** Its address, ending in `/`, as `npm_config_registry` wants it. */
  url: string;
  /** Publish `name@version`, a package.json and nothing else, with no dependencies. */
  publish(name: string, version: string): Promise<void>;
  /** Each request so far, e.g. `GET /cb-left (abbreviated)`, `GET /cb-left/-/cb-left-1.0.0.tgz`. */
  requests: string[];
  close(): Promise<void>;
}

interface Published {
  manifest: { name: string; version: string; dist: { tarball: string } };
  tarball: Buffer;
}

export async function startNpmRegistry(): Promise<NpmRegistry> {
  const packages = new Map<string, Map<string, Published>>();
  const requests: string[] = [];

  const server = createServer((request, response) => {
    const abbreviated = /application\/vnd\.npm\.install-v1\+json/.test(
      request.headers.accept ?? '',
    );
    const [name = '', dash, file] = (request.url ?? '').split('/').slice(1);
    const versions = packages.get(name);
    if (dash === '-') {
      requests.push(`${request.method} ${request.url}`);
      const tarball = [...(versions?.values() ?? [])].find(
        ({ manifest }) => file === `${name}-${manifest.version}.tgz`,
      )?.tarball;
      response.writeHead(tarball ? 200 : 404, { 'content-type': 'application/octet-stream' });
      response.end(tarball);
      return;
    }
    requests.push(`${request.method} ${request.url} (${abbreviated ? 'abbreviated' : 'full'})`);
    if (!versions || dash !== undefined) {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end('{"error":"Not found"}');
      return;
    }
    const manifests = [...versions.values()].map(({ manifest }) => manifest);
    const document = {
      name,
      'dist-tags': { latest: manifests.at(-1)?.version },
      versions: Object.fromEntries(
        manifests.map((manifest) => [
          manifest.version,
          abbreviated ? manifest : { ...manifest, description: `${name}, for tests` },
        ]),
      ),
    };
    response.writeHead(200, {
      'content-type': abbreviated ? 'application/vnd.npm.install-v1+json' : 'application/json',
    });
    response.end(JSON.stringify(document));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  return {
    url,
    requests,
    async publish(name, version) {
      const tarball = await packageTarball(name, version);
      const dist = {
        tarball: `${url}${name}/-/${name}-${version}.tgz`,
        shasum: createHash('sha1').update(tarball).digest('hex'),
        integrity: `sha512-${createHash('sha512').update(tarball).digest('base64')}`,
      };
      const versions = packages.get(name) ?? new Map<string, Published>();
      versions.set(version, { manifest: { name, version, dist }, tarball });
      packages.set(name, versions);
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** The tarball `npm pack` makes of a package that is a package.json alone. */
async function packageTarball(name: string, version: string): Promise<Buffer> {
  const dir = await tempDir();
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name, version }));
  const { stdout } = await execa('npm', ['pack', '--json', '--silent'], { cwd: dir });
  const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
  return readFile(path.join(dir, filename));
}
