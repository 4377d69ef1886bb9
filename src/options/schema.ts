// zod/mini: the same schemas in a tree-shakable form, 16 kB instead of ~450 kB in the bundle,
// which is most of the CLI's start-up time.
import * as z from 'zod/mini';
import { MODULES } from '../modules/registry.js';

/** What the CLI shows for one value of a choice. */
export interface ChoiceLabel {
  label: string;
  hint: string;
}

/** Metadata that turns a choice into a flag, a prompt and a line of `list`. */
export interface ChoiceMeta {
  flag: string;
  message: string;
  description: string;
  labels: Record<string, ChoiceLabel>;
}

/**
 * The questions, in the order they are asked. Their values are the modules that declare a
 * `choice` of that key (a new database is a module, not a line here), plus `none` where a
 * project may go without.
 */
const QUESTIONS = {
  framework: {
    message: 'Which HTTP framework?',
    description: 'HTTP framework',
    default: 'express',
  },
  database: {
    message: 'Which database?',
    description: 'database and ORM',
    default: 'postgres',
    none: { label: 'None', hint: 'no database' },
  },
  auth: {
    message: 'Which authentication?',
    description: 'authentication',
    default: 'jwt',
    none: { label: 'None', hint: 'no authentication' },
  },
  cache: {
    message: 'A shared store for rate limits?',
    description: 'shared store (rate limits across instances)',
    default: 'none',
    none: { label: 'None', hint: 'each instance counts rate limits in its own memory' },
  },
  deploy: {
    message: 'How will you deploy it?',
    description: 'deployment files',
    default: 'docker',
    none: { label: 'None', hint: 'no deployment files' },
  },
  ci: {
    message: 'Which CI?',
    description: 'continuous integration',
    default: 'github',
    none: { label: 'None', hint: 'no CI workflow' },
  },
  observability: {
    message: 'Metrics and traces?',
    description: 'observability (Prometheus metrics, OpenTelemetry traces)',
    default: 'none',
    none: { label: 'None', hint: 'request logs only' },
  },
} satisfies Record<
  string,
  { message: string; description: string; default: string; none?: ChoiceLabel }
>;

export type ChoiceKey = keyof typeof QUESTIONS;

/** The project's choices, complete: what the manifest records and the modules read. */
export type Choices = { [K in ChoiceKey]: string };

/** Choice fields in the order they are asked. */
export const CHOICE_KEYS = Object.keys(QUESTIONS) as ChoiceKey[];

/** The values a choice accepts: its modules' values, then `none` where it may be left out. */
export function choiceValues(key: ChoiceKey): readonly string[] {
  const values = MODULES.flatMap((module) =>
    module.choice?.key === key ? [module.choice.value] : [],
  );
  return 'none' in QUESTIONS[key] ? [...values, 'none'] : values;
}

/** Metadata of a choice (flag name, prompt text, labels). */
export function metaOf(key: ChoiceKey): ChoiceMeta {
  const question: { message: string; description: string; none?: ChoiceLabel } = QUESTIONS[key];
  const labels: Record<string, ChoiceLabel> = {};
  for (const module of MODULES) {
    if (module.choice?.key === key) {
      labels[module.choice.value] = { label: module.choice.label, hint: module.choice.hint };
    }
  }
  if (question.none) labels.none = question.none;
  return { flag: key, message: question.message, description: question.description, labels };
}

const choiceField = (key: ChoiceKey) => z.enum(choiceValues(key) as [string, ...string[]]);

/** The schema of complete choices (a manifest's), every missing one defaulted. */
export const choicesSchema = z.strictObject(
  Object.fromEntries(
    CHOICE_KEYS.map((key) => [key, z._default(choiceField(key), QUESTIONS[key].default)]),
  ) as Record<ChoiceKey, z.ZodMiniDefault<z.ZodMiniEnum<Record<string, string>>>>,
);

/** The default of every choice. */
export const DEFAULT_CHOICES: Choices = choicesSchema.parse({}) as Choices;

/** The choices `add` can add to an existing project: those a project may go without. */
export const ADDABLE = CHOICE_KEYS.filter((key) => 'none' in QUESTIONS[key]);
export type Addable = ChoiceKey;

export const PACKAGE_MANAGERS = ['npm', 'pnpm', 'yarn', 'bun'] as const;
export type PackageManager = (typeof PACKAGE_MANAGERS)[number];

/**
 * What flags can say about a new project: every field optional, unknown keys refused.
 * Prompts and defaults complete it into a `ProjectConfig`.
 */
export const createInputSchema = z.strictObject({
  ...(Object.fromEntries(CHOICE_KEYS.map((key) => [key, z.optional(choiceField(key))])) as Record<
    ChoiceKey,
    z.ZodMiniOptional<z.ZodMiniEnum<Record<string, string>>>
  >),
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
