import type { Choices } from '../options/schema.js';
import { base } from './base.js';
import { docker } from './docker.js';
import { express } from './express.js';
import { fastify } from './fastify.js';
import { github } from './github.js';
import { hono } from './hono.js';
import { jwt } from './jwt.js';
import { nest } from './nest.js';
import { postgres } from './postgres.js';
import { redis } from './redis.js';
import { resource } from './resource.js';
import type { ModuleDefinition } from './types.js';

/** Every module, in the order their templates are layered. */
export const MODULES: readonly ModuleDefinition[] = [
  base,
  express,
  fastify,
  hono,
  nest,
  postgres,
  jwt,
  resource,
  redis,
  docker,
  github,
];

/** The modules a project with these choices is made of, in layering order. */
export function modulesFor(choices: Choices): ModuleDefinition[] {
  return MODULES.filter((module) => module.appliesTo(choices));
}
