import type { ModuleDefinition } from './types.js';

/** The scripts every database gives a project: a migration from the schema, and applying them. */
export const DRIZZLE_SCRIPTS: ModuleDefinition['scripts'] = {
  'db:generate': 'drizzle-kit generate',
  'db:migrate': 'tsx src/db/migrate.ts',
};

/** An embedded database is created, migrated, as soon as the project is installed. */
export const MIGRATE_AFTER_INSTALL: ModuleDefinition['afterInstall'] = {
  script: 'db:migrate',
  message: 'Creating the development database',
};
