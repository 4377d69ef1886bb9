import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppError, NotFoundError, statusCode, ValidationError } from "../core/errors.js";
import { toProblem } from "../core/problem.js";
import type { AppEnv } from "./app-env.js";

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) => {
  throw new NotFoundError(`No route matches ${c.req.method} ${c.req.path}.`);
};

/** Answers every error as `application/problem+json`. */
export const errorHandler: ErrorHandler<AppEnv> = (error, c) => {
  const problem = toProblem(fromHttpException(error, c) ?? error, c.var.requestId);
  return c.json(problem.body, problem.status as ContentfulStatusCode, {
    ...problem.headers,
    "Content-Type": "application/problem+json",
  });
};

/**
 * An HTTPException, Hono's way to signal an error (`throw new HTTPException(403, { message })`),
 * as an app error with its status, the code for that status and the headers of its `res` (such
 * as hono/bearer-auth's WWW-Authenticate). Hono's own middleware refuse requests this way too:
 * the body limit (413), a route's media type check (415) and its JSON validator (400, for a body
 * it cannot parse), which get the app's own codes and words.
 */
function fromHttpException(error: Error, c: Context<AppEnv>): AppError | undefined {
  if (!(error instanceof HTTPException)) return undefined;
  switch (error.status) {
    case 413:
      // The body is left unread, and @hono/node-server cuts such a connection off soon after:
      // closing it with the answer keeps the client from sending its next request on it.
      return new AppError(413, "PAYLOAD_TOO_LARGE", "The request body is too large.", {
        Connection: "close",
      });
    case 415:
      return new AppError(415, "UNSUPPORTED_MEDIA_TYPE", "The request body must be JSON.");
  }
  if (error.message === "Malformed JSON in request body") {
    // An empty body is a missing one: the request is invalid rather than unreadable.
    if (c.req.header("content-length") === "0") {
      return new ValidationError([{ path: "", message: "A JSON body is required" }]);
    }
    return new AppError(400, "MALFORMED_JSON", "The request body is not valid JSON.");
  }
  const { status } = error;
  // A 500 is answered like any unexpected error.
  if (status === 500) return undefined;
  // A 5xx message (`new HTTPException(503, { message: "…" })`) can say things about the server
  // the client must not see; the request's log line has it.
  const detail =
    status > 500
      ? "The server could not complete the request."
      : error.message || "The request could not be completed.";
  return new AppError(status, statusCode(status), detail, headersOf(error.res));
}

/** Headers that describe a body, which the problem replaces. */
const BODY_HEADERS = new Set(["content-type", "content-length", "content-encoding"]);

function headersOf(res: Response | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  res?.headers.forEach((value, name) => {
    if (!BODY_HEADERS.has(name)) headers[name] = value;
  });
  return headers;
}
