import type { Choices } from '../options/schema.js';
import type { DependencyName } from '../versions.js';

/** A value that may depend on the project's name (e.g. a token issuer). */
export type EnvValue = string | ((projectName: string) => string);

/** An environment variable a module brings: documented in `.env.example`, set in `.env`. */
export interface EnvVar {
  name: string;
  description: string;
  /** The value shown in `.env.example`. */
  example: EnvValue;
  /** The value written to `.env` at creation; defaults to `example`. */
  value?: EnvValue;
  /**
   * Write a fresh random value of this many bytes (base64url) to `.env` instead: a secret
   * nobody should have to invent.
   */
  secretBytes?: number;
  /** Only for projects with these choices; by default whenever the module applies. */
  when?: (choices: Choices) => boolean;
}

/** A pure, idempotent change to a file another module brings (running it twice changes nothing). */
export interface FileEdit {
  path: string;
  /** What the edit does, for dry-run output and errors. */
  description: string;
  apply: (content: string) => string;
}

/**
 * A capability of a generated project. A module only declares what it brings; the planner
 * applies it. Its templates live in `templates/<id>/` (framework-agnostic) and
 * `templates/frameworks/<framework>/<id>/` (the HTTP layer), both optional.
 */
export interface ModuleDefinition {
  id: string;
  /** One line for `list` and the manifest reader. */
  description: string;
  /** Whether a project with these choices gets this module. */
  appliesTo: (choices: Choices) => boolean;
  /** Its packages; a function when they depend on other choices (a framework's store adapter). */
  dependencies?: readonly DependencyName[] | ((choices: Choices) => readonly DependencyName[]);
  devDependencies?: readonly DependencyName[];
  scripts?: Readonly<Record<string, string>>;
  /**
   * One of its scripts to run once `create` has installed the dependencies, and what it does
   * (the database module creates the embedded development database, so that the first
   * `npm run dev` need not). A failure is reported, not fatal.
   */
  afterInstall?: { script: string; message: string };
  env?: readonly EnvVar[];
  edits?: readonly FileEdit[];
  /**
   * For a framework module: template families it shares with related frameworks, layered
   * before its own (`templates/frameworks/<family>/<module>/`), e.g. `hand-wired`: Express,
   * Fastify and Hono build their services in `src/container.ts`, where NestJS has its DI.
   */
  templateFamilies?: readonly string[];
  /**
   * Its templates are rendered once per resource of the project, with `resource` in the
   * context and `__plural__` / `__singular__` in paths replaced by the resource's names.
   */
  perResource?: boolean;
}
