import type { z } from "zod";
import { problemSchema } from "../core/problem.js";

const header = (description: string, type: "integer" | "string") => ({
  description,
  schema: { type },
});

type ResponseHeaders = Record<string, ReturnType<typeof header>>;

const retryAfter = { "Retry-After": header("Seconds to wait before trying again", "integer") };

export const jsonResponse = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { "application/json": { schema } },
});

/** A 201 whose `Location` header is the new resource's URL. */
export const createdResponse = <T extends z.ZodType>(description: string, schema: T) => ({
  ...jsonResponse(description, schema),
  headers: { Location: header("The new resource's URL", "string") },
});

export const problemResponse = (description: string, headers?: ResponseHeaders) => ({
  description,
  ...(headers && { headers }),
  content: { "application/problem+json": { schema: problemSchema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

/** What any route behind the rate limiter can answer besides its own responses. */
export const commonProblems = {
  429: problemResponse("Too many requests", retryAfter),
  500: problemResponse("Unexpected error"),
};

/** What a route that takes a JSON body can answer about the body. */
export const bodyProblems = {
  400: problemResponse("Invalid request"),
  413: problemResponse("Request body too large"),
  415: problemResponse("Request body is not JSON"),
};

/** What a route that uses the database answers while the database cannot be reached. */
export const databaseProblems = {
  503: problemResponse("Database unavailable", retryAfter),
};
