import type { Dialect } from '../migrations/dialect.js';
import type { Choices } from '../options/schema.js';
import { base } from './base.js';
import { betterAuth } from './better-auth.js';
import { docker } from './docker.js';
import { express } from './express.js';
import { fastify } from './fastify.js';
import { fly } from './fly.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { hono } from './hono.js';
import { jwt } from './jwt.js';
import { kubernetes } from './kubernetes.js';
import { mysql } from './mysql/index.js';
import { nest } from './nest.js';
import { otel } from './otel.js';
import { postgres } from './postgres/index.js';
import { redis } from './redis.js';
import { render } from './render.js';
import { resource } from './resource.js';
import { sqlite } from './sqlite/index.js';
import type { ModuleDefinition } from './types.js';

/** Every module, in the order their templates are layered. */
export const MODULES: readonly ModuleDefinition[] = [
  base,
  express,
  fastify,
  hono,
  nest,
  postgres,
  sqlite,
  mysql,
  jwt,
  betterAuth,
  resource,
  redis,
  docker,
  kubernetes,
  fly,
  render,
  github,
  gitlab,
  otel,
];

/** Whether a project with these choices gets the module. */
export function applies(module: ModuleDefinition, choices: Choices): boolean {
  if (module.choice) return choices[module.choice.key] === module.choice.value;
  const required = (module.requires ?? []).every((key) => choices[key] !== 'none');
  return required && (module.appliesTo?.(choices) ?? true);
}

/** The modules a project with these choices is made of, in layering order. */
export function modulesFor(choices: Choices): ModuleDefinition[] {
  return MODULES.filter((module) => applies(module, choices));
}

/** The dialect of the project's database, if it has one. */
export function dialectFor(choices: Choices): Dialect | undefined {
  return modulesFor(choices).find((module) => module.dialect)?.dialect;
}
