import { problemSchema } from "../core/problem.js";

/** An `application/problem+json` response, for the OpenAPI document and the serializer. */
export function problemResponse(description: string) {
  return { description, content: { "application/problem+json": { schema: problemSchema } } };
}
