import { STATUS_CODES } from "node:http";
import { z } from "zod";
import { AppError, ValidationError } from "./errors.js";

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem", description: "An RFC 9457 problem detail." });

export type Problem = z.infer<typeof problemSchema>;

export interface ProblemResponse {
  status: number;
  headers: Record<string, string>;
  body: Problem;
}

interface ProblemOptions {
  requestId: string;
  /** Show the message of unexpected errors; only ever true in development. */
  exposeInternals: boolean;
}

/** Turns any thrown value into an `application/problem+json` response. */
export function toProblem(
  error: unknown,
  { requestId, exposeInternals }: ProblemOptions,
): ProblemResponse {
  if (error instanceof AppError) {
    return problem(error.status, error.code, error.message, requestId, error.headers, {
      ...(error instanceof ValidationError && { errors: error.errors }),
    });
  }
  const detail =
    exposeInternals && error instanceof Error ? error.message : "An unexpected error occurred.";
  return problem(500, "INTERNAL_ERROR", detail, requestId);
}

function problem(
  status: number,
  code: string,
  detail: string,
  requestId: string,
  headers: Record<string, string> = {},
  extra: Pick<Problem, "errors"> = {},
): ProblemResponse {
  const title = STATUS_CODES[status] ?? "Error";
  return {
    status,
    headers,
    body: { type: "about:blank", title, status, detail, code, requestId, ...extra },
  };
}
