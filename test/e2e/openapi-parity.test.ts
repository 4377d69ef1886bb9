import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHOICES } from '../../src/options/schema.js';
import { databaseUnderTest } from './support/databases.js';
import { differences, type Json } from './support/openapi-parity.js';
import {
  addToProject,
  generateProject,
  runScript,
  type Server,
  startServer,
} from './support/project.js';

const FRAMEWORKS = ['express', 'fastify', 'hono', 'nest'] as const;

/** A resource with every field type, required and optional, so every schema form is compared. */
const RESOURCE = {
  name: 'invoice',
  fields:
    'title:string,amount:number,paid:boolean,dueAt:date,status:enum(draft|sent|paid),' +
    'note:text?,count:integer,rank:integer?,price:number?,shippedAt:date?,gift:boolean?,' +
    'kind:enum(physical|digital)?',
};

/**
 * The same choices in each framework must serve the same document (what counts as the same is
 * test/e2e/support/openapi-parity.ts). A run proves the two choice sets with the most surface:
 * a database with a resource of every field type, and each auth (bearer tokens; Better Auth's
 * routes and cookie scheme). `E2E_MATRIX=all` adds the least a project can be.
 */
const SETS = [
  { name: 'postgres-jwt', database: 'postgres', auth: 'jwt' },
  { name: 'mysql-better-auth', database: 'mysql', auth: 'better-auth' },
  ...(process.env.E2E_MATRIX === 'all'
    ? [{ name: 'none-none', database: 'none', auth: 'none' }]
    : []),
].filter(
  // Without the server a set's database needs, the set is left out; servers.ts says so once.
  ({ name, database }) => databaseUnderTest(database).env(`parity-${name}`) !== undefined,
);

describe.each(SETS)('the OpenAPI documents of $name', ({ name, database, auth }) => {
  const documents: Record<string, { [key: string]: Json }> = {};
  let server: Server | undefined;

  afterEach(async () => {
    await server?.stop('SIGKILL');
    server = undefined;
  });

  describe.each(FRAMEWORKS)('%s', (framework) => {
    let dir: string;

    beforeAll(async () => {
      // One name for the four, so their documents' titles are alike.
      dir = await generateProject('parity-app', {
        ...DEFAULT_CHOICES,
        framework,
        database,
        auth,
        deploy: 'none',
        ci: 'none',
      });
      if (database !== 'none') {
        await addToProject(dir, ['resource', RESOURCE.name, '--fields', RESOURCE.fields]);
      }
      await runScript(dir, 'build');
    });

    it('serves its document', async () => {
      const env = (await databaseUnderTest(database).env(`parity-${name}-${framework}`)) ?? {};
      server = await startServer(dir, { ...env, LOG_LEVEL: 'warn' });
      const reply = await fetch(`${server.url}/openapi.json`);
      expect(reply.status).toBe(200);
      documents[framework] = (await reply.json()) as { [key: string]: Json };
    });
  });

  it('the four agree on paths, operations, schemas and security schemes', () => {
    expect(Object.keys(documents)).toEqual([...FRAMEWORKS]);
    // Not four empty documents: the routes the choices bring are there.
    const paths = Object.keys(documents.express?.paths ?? {});
    expect(paths).toContain('/health');
    if (database !== 'none') expect(paths).toContain('/api/v1/invoices/{id}');
    if (auth === 'jwt') expect(paths).toContain('/api/v1/auth/login');
    expect(differences(documents)).toEqual([]);
  });

  it.each(FRAMEWORKS)(
    '%s declares the headers its answers carry, and 503 where it uses the database',
    (framework) => {
      const paths = documents[framework]?.paths as Record<string, Record<string, Operation>>;
      const index = paths['/api/v1']?.get?.responses ?? {};
      expect(headersOf(index[429])).toContain('retry-after');
      expect(index).not.toHaveProperty('503');
      if (database === 'none') return;
      const get = paths['/api/v1/invoices/{id}']?.get?.responses ?? {};
      expect(headersOf(get[503])).toContain('retry-after');
      if (auth === 'jwt') expect(headersOf(get[401])).toContain('www-authenticate');
      const create = paths['/api/v1/invoices']?.post?.responses ?? {};
      expect(headersOf(create[201])).toContain('location');
    },
  );
});

type Operation = { responses?: Record<string, { headers?: Record<string, unknown> }> };

const headersOf = (response: { headers?: Record<string, unknown> } | undefined) =>
  Object.keys(response?.headers ?? {}).map((name) => name.toLowerCase());
