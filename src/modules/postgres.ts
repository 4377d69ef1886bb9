import type { ModuleDefinition } from './types.js';

/** PostgreSQL through Drizzle: node-postgres for a server, PGlite when there is none. */
export const postgres: ModuleDefinition = {
  id: 'postgres',
  description: 'Drizzle ORM on PostgreSQL (node-postgres) or embedded PGlite, SQL migrations',
  appliesTo: (choices) => choices.database === 'postgres',
  dependencies: ['drizzle-orm', 'pg', '@electric-sql/pglite'],
  devDependencies: ['drizzle-kit', '@types/pg'],
  scripts: {
    'db:generate': 'drizzle-kit generate',
    'db:migrate': 'tsx src/db/migrate.ts',
  },
  afterInstall: { script: 'db:migrate', message: 'Creating the development database' },
  env: [
    {
      name: 'DATABASE_URL',
      description:
        'postgres://user:password@host:5432/db, or pglite:<dir> / memory: for embedded PGlite',
      example: 'pglite:.data/dev',
    },
  ],
};
