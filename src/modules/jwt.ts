import type { ModuleDefinition } from './types.js';

/** Email + password accounts, JWT access tokens and rotating refresh tokens. */
export const jwt: ModuleDefinition = {
  id: 'jwt',
  description: 'register/login, argon2id, JWT access tokens, rotating refresh tokens, roles',
  appliesTo: (choices) => choices.auth === 'jwt',
  dependencies: ['@node-rs/argon2', 'jose'],
  scripts: { 'user:role': 'tsx src/db/set-role.ts' },
  env: [
    {
      name: 'AUTH_RATE_LIMIT_MAX',
      description: 'Requests per client per window on /api/v1/auth/*',
      example: '20',
    },
    {
      name: 'JWT_SECRET',
      description: 'HMAC key for access tokens, 32+ characters; required in production',
      example: 'change-me-to-48-random-bytes-base64url',
      secretBytes: 48,
    },
    { name: 'JWT_ISSUER', description: 'iss claim of access tokens', example: (name) => name },
    { name: 'JWT_AUDIENCE', description: 'aud claim of access tokens', example: (name) => name },
    {
      name: 'ACCESS_TOKEN_TTL',
      description: 'Access token lifetime: a number followed by s, m, h or d',
      example: '15m',
    },
    { name: 'REFRESH_TOKEN_TTL', description: 'Refresh token lifetime', example: '30d' },
  ],
};
