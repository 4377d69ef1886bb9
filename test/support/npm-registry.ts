import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

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
  publish(name: string, version: string): void;
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
    publish(name, version) {
      const tarball = packageTarball({ 'package.json': JSON.stringify({ name, version }) });
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

/** A gzipped tar of `files` under `package/`, as `npm pack` lays a package out. */
function packageTarball(files: Record<string, string>): Buffer {
  const blocks = Object.entries(files).flatMap(([name, text]) => {
    const body = Buffer.from(text);
    const padding = Buffer.alloc((512 - (body.length % 512)) % 512);
    return [tarHeader(`package/${name}`, body.length), body, padding];
  });
  // Two empty blocks end the archive.
  return gzipSync(Buffer.concat([...blocks, Buffer.alloc(1024)]));
}

/** The 512-byte ustar header of a regular file: mode 644, owner 0, modified at the epoch. */
function tarHeader(name: string, size: number): Buffer {
  const header = Buffer.alloc(512);
  const octal = (offset: number, width: number, value: number) =>
    header.write(`${value.toString(8).padStart(width - 1, '0')}\0`, offset, 'ascii');
  header.write(name, 0, 'ascii');
  octal(100, 8, 0o644);
  octal(108, 8, 0); // uid
  octal(116, 8, 0); // gid
  octal(124, 12, size);
  octal(136, 12, 0); // mtime
  header.write('0', 156, 'ascii'); // a regular file
  header.write('ustar\0', 257, 'ascii'); // magic
  header.write('00', 263, 'ascii'); // version
  // The checksum is the sum of the header's bytes, its own field counted as spaces.
  header.write(' '.repeat(8), 148, 'ascii');
  const checksum = header.reduce((sum, byte) => sum + byte, 0);
  header.write(`${checksum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return header;
}
