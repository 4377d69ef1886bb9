import type { FileEdit } from '../types.js';

// What every database project's vitest.config.ts says (templates/base and the NestJS layer),
// written for an embedded database.
const EMBEDDED = [
  '    // The test files of a worker run one after another in one process, so they can share its',
  '    // embedded database (see test/helpers/database.ts) instead of each starting their own.',
  '    isolate: false,',
  '',
].join('\n');

const SERVER = [
  '    // Fails the run at once, in one line, when the MySQL server does not answer.',
  '    globalSetup: ["./test/global-setup.ts"],',
  '    // The test files of a worker run one after another in one process, each on a database of',
  '    // its own (see test/helpers/database.ts).',
  '    isolate: false,',
  '',
].join('\n');

/** The project's tests need a MySQL server: vitest checks it once, before any test file runs. */
export const checkServerBeforeTests: FileEdit = {
  path: 'vitest.config.ts',
  description: 'check that the MySQL server answers before the tests run',
  apply(content) {
    if (content.includes(SERVER)) return content;
    if (!content.includes(EMBEDDED)) {
      throw new Error('vitest.config.ts no longer says isolate: false as the mysql module expects');
    }
    return content.replace(EMBEDDED, SERVER);
  },
};
