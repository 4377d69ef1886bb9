import { STATUS_CODES } from "node:http";
import { applyDecorators } from "@nestjs/common";
import { ApiResponse, getSchemaPath } from "@nestjs/swagger";

const retryAfter = {
  "Retry-After": {
    description: "Seconds to wait before trying again",
    schema: { type: "integer" },
  },
};

function ApiProblem(status: number, description: string, headers?: typeof retryAfter) {
  return ApiResponse({
    status,
    description,
    ...(headers && { headers }),
    content: { "application/problem+json": { schema: { $ref: getSchemaPath("Problem") } } },
  });
}

/**
 * Documents the problems (application/problem+json) a route, or every route of a controller,
 * can answer with: `@ApiProblems(400, 404)`.
 */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiProblem(status, STATUS_CODES[status] ?? "Error", status === 429 ? retryAfter : undefined),
    ),
  );
}

/** The problems of a route that takes a JSON body. */
export const ApiBodyProblems = () => ApiProblems(400, 413, 415);

/** The 503 of a route that uses the database, answered while the database cannot be reached. */
export const ApiDatabaseProblems = () => ApiProblem(503, "Database unavailable", retryAfter);
