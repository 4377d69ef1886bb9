import type { Dialect } from '../migrations/dialect.js';
import type { MigrationStep, SchemaChange } from '../migrations/schema.js';
import type { ChoiceKey, Choices, PackageManager } from '../options/schema.js';
import type { Resource } from '../resources/resource.js';
import type { DependencyName } from '../versions.js';

/** A value that may depend on the project's name (e.g. a token issuer). */
export type EnvValue = string | ((projectName: string) => string);

/**
 * An environment variable a module brings. This one declaration makes its line of the
 * generated `src/config/env.ts` and its entries in `.env.example` and `.env`.
 */
interface EnvVarBase {
  name: string;
  description: string;
  /**
   * Its zod schema in `env.ts`, with its default: an expression over `z`, the file's
   * `integer(min)` and whatever `imports` brings, e.g. `integer(0).max(65535).default(3000)`.
   * None for a variable the app does not read (docker compose's database password).
   */
  schema?: EnvValue;
  /** What the schema needs imported into `env.ts`: module path (from src/config) → names. */
  imports?: Readonly<Record<string, readonly string[]>>;
  /** What production demands beyond the schema: a value matching `pattern`, else `problem`. */
  production?: { pattern: string; problem: string };
  /** Only for projects with these choices; by default whenever the module applies. */
  when?: (choices: Choices) => boolean;
}

/** A setting: documented in `.env.example` with an example value. */
interface SettingVar extends EnvVarBase {
  /** The value shown in `.env.example`. */
  example: EnvValue;
  /** The value written to `.env` at creation; defaults to `example`. */
  value?: EnvValue;
  secretBytes?: undefined;
}

/**
 * A secret: required in production, a fresh random value of `secretBytes` bytes (base64url)
 * outside it and in `.env`, so nobody has to invent one and no default can leak. It has no
 * example: `.env.example` leaves it empty and says how to generate one, so a copied example
 * file cannot put a placeholder in production.
 */
interface SecretVar extends EnvVarBase {
  secretBytes: number;
  example?: undefined;
  value?: undefined;
}

export type EnvVar = SettingVar | SecretVar;

/** A pure, idempotent change to a file another module brings (running it twice changes nothing). */
export interface FileEdit {
  path: string;
  /** What the edit does, for dry-run output and errors. */
  description: string;
  apply: (content: string) => string;
}

/** One value of a choice, and how flags, prompts and `list` show it. */
export interface ChoiceValue {
  key: ChoiceKey;
  value: string;
  label: string;
  hint: string;
}

/** What a module's migration knows of the project it is added to. */
export interface MigrationInput {
  choices: Choices;
  /** The resources whose tables already exist (none when the database is new). */
  resources: readonly Resource[];
}

/**
 * A capability of a generated project, declared in one place; the engine applies it and no
 * module is known to the engine by name. Its templates live in `templates/<id>/`, with
 * `templates/<id>/<database>/` for what differs by database and
 * `templates/frameworks/<framework>/<id>/` for its HTTP layer (all optional).
 */
export interface ModuleDefinition {
  id: string;
  /** One line for `list` and the manifest reader. */
  description: string;
  /** The value of a choice this module is (`--database postgres`); it applies when chosen. */
  choice?: ChoiceValue;
  /**
   * Choices that must have a value other than `none`: for a module with a `choice`, a rule
   * that refuses the combination; for one without, when it applies.
   */
  requires?: readonly ChoiceKey[];
  /** For a module without a `choice` or `requires`: whether a project gets it (default: always). */
  appliesTo?: (choices: Choices) => boolean;
  /** Its packages; a function when they depend on other choices (a framework's store adapter). */
  dependencies?: readonly DependencyName[] | ((choices: Choices) => readonly DependencyName[]);
  devDependencies?: readonly DependencyName[];
  scripts?: Readonly<Record<string, string>>;
  /**
   * One of its scripts to run once `create` has installed the dependencies, and what it does
   * (a database module creates the embedded development database, so that the first
   * `npm run dev` need not). A failure is reported, not fatal.
   */
  afterInstall?: { script: string; message: string };
  env?: readonly EnvVar[];
  /**
   * Steps to take after `create` before `dev` works, shown in its next steps (a database
   * server to start): commands, or lines starting with `#` that explain one.
   */
  nextSteps?: (choices: Choices, pm: PackageManager) => readonly string[];
  edits?: readonly FileEdit[];
  /**
   * Template families it shares with related modules, layered before its own: `hand-wired`
   * (Express, Fastify and Hono build their services in `src/container.ts`, where NestJS has its
   * DI), `node-server` (Express, Hono and NestJS listen on a server of their own and close it
   * through `src/core/graceful-close.ts`, where Fastify has `close()`), `database` (what every
   * database module has).
   */
  templateFamilies?: readonly string[];
  /** For a database module: how its database writes tables, migrations and column code. */
  dialect?: Dialect;
  /** Its tables: the migration it brings when it (or a database) is added to a project. */
  migration?: (input: MigrationInput) => MigrationStep;
  /**
   * Its templates are rendered once per resource of the project, with `resource` in the
   * context and `__plural__` / `__singular__` in paths replaced by the resource's names.
   */
  perResource?: boolean;
  /** For a per-resource module: the table changes that create one resource. */
  resourceMigration?: (resource: Resource, choices: Choices) => readonly SchemaChange[];
}
