// zod/mini: the same schemas in a tree-shakable form, 16 kB instead of ~450 kB in the bundle,
// which is most of the CLI's start-up time.
import * as z from 'zod/mini';

/** What the CLI shows for one value of a choice. */
export interface ChoiceLabel {
  label: string;
  hint: string;
}

/** Metadata that turns a schema field into a flag, a prompt and a line of `list`. */
export interface ChoiceMeta {
  flag: string;
  message: string;
  description: string;
  labels: Record<string, ChoiceLabel>;
}

/** Metadata registry for the choice fields, so help, prompts and `list` read the schema itself. */
export const choiceMeta = z.registry<ChoiceMeta>();

const framework = z
  ._default(z.enum(['express', 'fastify', 'hono', 'nest']), 'express')
  .register(choiceMeta, {
    flag: 'framework',
    message: 'Which HTTP framework?',
    description: 'HTTP framework',
    labels: {
      express: { label: 'Express 5', hint: 'the most widely used Node.js framework' },
      fastify: { label: 'Fastify 5', hint: 'plugins, schema-driven validation, fast' },
      hono: { label: 'Hono 4', hint: 'web-standard, small, on @hono/node-server' },
      nest: { label: 'NestJS', hint: 'modules, controllers, dependency injection' },
    },
  });

const database = z._default(z.enum(['postgres', 'none']), 'postgres').register(choiceMeta, {
  flag: 'database',
  message: 'Which database?',
  description: 'database and ORM',
  labels: {
    postgres: {
      label: 'PostgreSQL',
      hint: 'Drizzle ORM; embedded PGlite in development and tests, no server needed',
    },
    none: { label: 'None', hint: 'no database' },
  },
});

const auth = z._default(z.enum(['jwt', 'none']), 'jwt').register(choiceMeta, {
  flag: 'auth',
  message: 'Which authentication?',
  description: 'authentication',
  labels: {
    jwt: { label: 'JWT', hint: 'email + password, argon2id, rotating refresh tokens' },
    none: { label: 'None', hint: 'no authentication' },
  },
});

const cache = z._default(z.enum(['redis', 'none']), 'none').register(choiceMeta, {
  flag: 'cache',
  message: 'A shared store for rate limits?',
  description: 'shared store (rate limits across instances)',
  labels: {
    redis: {
      label: 'Redis',
      hint: 'ioredis; every instance counts against one limit when REDIS_URL is set',
    },
    none: { label: 'None', hint: 'each instance counts rate limits in its own memory' },
  },
});

const deploy = z._default(z.enum(['docker', 'none']), 'docker').register(choiceMeta, {
  flag: 'deploy',
  message: 'How will you deploy it?',
  description: 'deployment files',
  labels: {
    docker: { label: 'Docker', hint: 'multi-stage Dockerfile and docker-compose.yml' },
    none: { label: 'None', hint: 'no deployment files' },
  },
});

const ci = z._default(z.enum(['github', 'none']), 'github').register(choiceMeta, {
  flag: 'ci',
  message: 'Which CI?',
  description: 'continuous integration',
  labels: {
    github: { label: 'GitHub Actions', hint: 'lint, typecheck, test against PostgreSQL, build' },
    none: { label: 'None', hint: 'no CI workflow' },
  },
});

/** The project's choices, complete: what the manifest records and the modules read. */
export const choicesSchema = z.strictObject({ framework, database, auth, cache, deploy, ci });

export type Choices = z.infer<typeof choicesSchema>;
export type ChoiceKey = keyof Choices;

/** Choice fields in the order they are asked. */
export const CHOICE_KEYS = Object.keys(choicesSchema.shape) as ChoiceKey[];

/** The values a choice accepts, straight from the schema. */
export function choiceValues<K extends ChoiceKey>(key: K): readonly Choices[K][] {
  return choicesSchema.shape[key]._zod.def.innerType.options as unknown as readonly Choices[K][];
}

/** The default of every choice. */
export const DEFAULT_CHOICES: Choices = choicesSchema.parse({});

/** Metadata of a choice (flag name, prompt text, labels). */
export function metaOf(key: ChoiceKey): ChoiceMeta {
  const meta = choiceMeta.get(choicesSchema.shape[key]);
  if (!meta) throw new Error(`choice ${key} has no metadata`);
  return meta;
}

/** The choices `add` can add to an existing project: everything but the framework. */
export const ADDABLE = [
  'database',
  'auth',
  'cache',
  'deploy',
  'ci',
] as const satisfies readonly ChoiceKey[];
export type Addable = (typeof ADDABLE)[number];

export const PACKAGE_MANAGERS = ['npm', 'pnpm', 'yarn', 'bun'] as const;
export type PackageManager = (typeof PACKAGE_MANAGERS)[number];

const optional = <T extends z.core.SomeType>(field: z.ZodMiniDefault<T>) =>
  z.optional(field._zod.def.innerType);

/**
 * What flags can say about a new project: every field optional, unknown keys refused.
 * Prompts and defaults complete it into a `ProjectConfig`.
 */
export const createInputSchema = z.strictObject({
  framework: optional(framework),
  database: optional(database),
  auth: optional(auth),
  cache: optional(cache),
  deploy: optional(deploy),
  ci: optional(ci),
  directory: z.optional(z.string()),
  pm: z.optional(z.enum(PACKAGE_MANAGERS)),
  install: z.optional(z.boolean()),
  git: z.optional(z.boolean()),
  yes: z.optional(z.boolean()),
  force: z.optional(z.boolean()),
  dryRun: z.optional(z.boolean()),
  json: z.optional(z.boolean()),
});

export type CreateInput = z.infer<typeof createInputSchema>;
