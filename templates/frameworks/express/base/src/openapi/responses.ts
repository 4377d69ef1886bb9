import type { ResponseConfig } from "@asteasolutions/zod-to-openapi";
import type { z } from "zod";
import { problemSchema } from "../core/problem.js";

export function jsonResponse(description: string, schema: z.ZodType): ResponseConfig {
  return { description, content: { "application/json": { schema } } };
}

export function problemResponse(description: string): ResponseConfig {
  return { description, content: { "application/problem+json": { schema: problemSchema } } };
}
