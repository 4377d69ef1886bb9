import type { z } from "zod";
import { problemSchema } from "../core/problem.js";

export const jsonResponse = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { "application/json": { schema } },
});

export const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: problemSchema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

/** What any route behind the rate limiter can answer besides its own responses. */
export const commonProblems = {
  429: problemResponse("Too many requests"),
  500: problemResponse("Unexpected error"),
};

/** What a route that takes a JSON body can answer about the body. */
export const bodyProblems = {
  400: problemResponse("Invalid request"),
  413: problemResponse("Request body too large"),
  415: problemResponse("Request body is not JSON"),
};
