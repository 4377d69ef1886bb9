import { addJournalEntry } from '../edits/drizzle-journal.js';
import type { ModuleDefinition } from './types.js';

/** Email + password accounts, JWT access tokens and rotating refresh tokens. */
export const jwt: ModuleDefinition = {
  id: 'jwt',
  description: 'register/login, argon2id, JWT access tokens, rotating refresh tokens, roles',
  appliesTo: (choices) => choices.auth === 'jwt',
  dependencies: ['@node-rs/argon2', 'jose'],
  env: [
    {
      name: 'JWT_SECRET',
      description: 'HMAC key for access tokens, at least 32 characters',
      example: 'change-me-to-a-long-random-string-of-at-least-32-chars',
      secret: true,
    },
  ],
  edits: [
    {
      path: 'drizzle/meta/_journal.json',
      description: 'register the auth migration',
      apply: addJournalEntry({
        idx: 1,
        version: '7',
        when: 1763700000000,
        tag: '0001_auth',
        breakpoints: true,
      }),
    },
  ],
};
