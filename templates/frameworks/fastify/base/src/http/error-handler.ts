import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { NotFoundError } from "../core/errors.js";
import { toProblem } from "../core/problem.js";
import { fromFastifyError } from "./fastify-errors.js";

export async function notFoundHandler(request: FastifyRequest): Promise<never> {
  throw new NotFoundError(`No route matches ${request.method} ${request.url.split("?")[0]}.`);
}

/**
 * Answers every error as `application/problem+json`. A 5xx's error is left on the request for
 * its log line (see RequestLogController), which is then its only one.
 */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const problem = toProblem(fromFastifyError(error) ?? error, request.id);
  if (problem.status >= 500) request.failure = error;
  return reply
    .status(problem.status)
    .headers(problem.headers)
    .type("application/problem+json")
    .send(problem.body);
}
