import type { ResponseConfig } from "@asteasolutions/zod-to-openapi";
import type { z } from "zod";
import { problemSchema } from "../core/problem.js";

type ResponseHeaders = ResponseConfig["headers"];

/** What a 429 or a 503 carries: how long to wait before trying again. */
export const retryAfter: ResponseHeaders = {
  "Retry-After": {
    description: "Seconds to wait before trying again",
    schema: { type: "integer" },
  },
};

export function jsonResponse(description: string, schema: z.ZodType): ResponseConfig {
  return { description, content: { "application/json": { schema } } };
}

/** A 201 whose `Location` header is the new resource's URL. */
export function createdResponse(description: string, schema: z.ZodType): ResponseConfig {
  return {
    ...jsonResponse(description, schema),
    headers: { Location: { description: "The new resource's URL", schema: { type: "string" } } },
  };
}

export function problemResponse(description: string, headers?: ResponseHeaders): ResponseConfig {
  return {
    description,
    ...(headers && { headers }),
    content: { "application/problem+json": { schema: problemSchema } },
  };
}
