import type { ModuleDefinition } from './types.js';

/** Redis through ioredis: rate limits every instance shares, when REDIS_URL is set. */
export const redis: ModuleDefinition = {
  id: 'redis',
  description: 'Redis (ioredis): rate limits shared by every instance when REDIS_URL is set',
  choice: {
    key: 'cache',
    value: 'redis',
    label: 'Redis',
    hint: 'ioredis; every instance counts against one limit when REDIS_URL is set',
  },
  // express-rate-limit (Express) needs a store package; the limiters of Fastify and Hono ship
  // their own Redis stores, and NestJS's throttler gets one in the project.
  dependencies: (choices) =>
    choices.framework === 'express' ? ['ioredis', 'rate-limit-redis'] : ['ioredis'],
  env: [
    {
      name: 'REDIS_URL',
      description:
        'redis://[user:password@]host:6379[/db] (rediss:// for TLS) to share rate limits between instances; empty keeps them in memory',
      schema: `z
    .string()
    .regex(/^rediss?:\\/\\//, "must start with redis:// or rediss://")
    .refine(
      (url) => URL.canParse(url),
      "must be a valid URL (percent-encode special characters in a password)",
    )
    .optional()`,
      example: '',
    },
  ],
};
