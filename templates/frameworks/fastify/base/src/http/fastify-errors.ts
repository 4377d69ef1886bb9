import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, ValidationError } from "../core/errors.js";
import { toProblem } from "../core/problem.js";
import { MalformedPathError } from "../core/request-path.js";

/** Fastify's errors for request paths and bodies it cannot read, by code. */
const knownErrors: Record<string, () => AppError> = {
  FST_ERR_BAD_URL: () => new MalformedPathError(),
  FST_ERR_CTP_INVALID_JSON_BODY: () =>
    new AppError(400, "MALFORMED_JSON", "The request body is not valid JSON."),
  FST_ERR_CTP_BODY_TOO_LARGE: () =>
    new AppError(413, "PAYLOAD_TOO_LARGE", "The request body is too large."),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () =>
    new AppError(415, "UNSUPPORTED_MEDIA_TYPE", "The request body must be application/json."),
};

/** Turns the errors Fastify raises for bad requests into application errors clients can read. */
export function fromFastifyError(error: unknown): AppError | undefined {
  if (hasZodFastifySchemaValidationErrors(error)) {
    return new ValidationError(
      error.validation.map((issue) => ({
        path: issue.instancePath.slice(1).replaceAll("/", "."),
        message: issue.message ?? "Invalid value",
      })),
    );
  }
  if (!isClientError(error)) return undefined;
  const known = knownErrors[error.code];
  if (known) return known();
  return new AppError(error.statusCode, "BAD_REQUEST", "The request could not be read.");
}

// Fastify marks what the client got wrong with a 4xx statusCode; anything else is ours.
function isClientError(error: unknown): error is FastifyError & { statusCode: number } {
  const status = (error as Partial<FastifyError> | undefined)?.statusCode;
  return error instanceof Error && typeof status === "number" && status >= 400 && status < 500;
}

/**
 * Fastify's `frameworkErrors`: what its router refuses (a path that is not validly
 * percent-encoded) is answered before any hook runs, so the problem document carries the headers
 * those hooks would have set itself, like the requests Node's HTTP parser rejects.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const problem = toProblem(fromFastifyError(error) ?? error, request.id);
  return reply
    .status(problem.status)
    .headers({
      ...problem.headers,
      "X-Request-Id": request.id,
      "X-Content-Type-Options": "nosniff",
    })
    .type("application/problem+json")
    .send(problem.body);
}
