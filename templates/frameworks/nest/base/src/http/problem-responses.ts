import { STATUS_CODES } from "node:http";
import { applyDecorators } from "@nestjs/common";
import { ApiResponse, getSchemaPath } from "@nestjs/swagger";

/**
 * Documents the problems (application/problem+json) a route, or every route of a controller,
 * can answer with: `@ApiProblems(400, 404)`.
 */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: STATUS_CODES[status] ?? "Error",
        content: { "application/problem+json": { schema: { $ref: getSchemaPath("Problem") } } },
      }),
    ),
  );
}

/** The problems of a route that takes a JSON body. */
export const ApiBodyProblems = () => ApiProblems(400, 413, 415);
