import { problemSchema } from "../core/problem.js";

/** An `application/problem+json` response, for the OpenAPI document and the serializer. */
export function problemResponse(description: string) {
  return { description, content: { "application/problem+json": { schema: problemSchema } } };
}

const descriptions = {
  400: "Invalid request",
  401: "Missing or invalid access token",
  403: "Not allowed",
  404: "Not found",
  409: "Conflict",
  413: "Request body too large",
  415: "Request body is not JSON",
  429: "Too many requests",
  500: "Unexpected error",
  503: "A dependency is not ready",
} as const;

type ProblemStatus = keyof typeof descriptions;

/** The problem responses a route can answer with, each with its usual description. */
export function problems<S extends ProblemStatus>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((status) => [status, problemResponse(descriptions[status])]),
  ) as Record<S, ReturnType<typeof problemResponse>>;
}
