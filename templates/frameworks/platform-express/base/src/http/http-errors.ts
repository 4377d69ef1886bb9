import { AppError, statusCode } from "../core/errors.js";
import { TooDeeplyNestedError } from "../core/json-depth.js";

/**
 * Express and its body parser report client mistakes as http-errors with a 4xx `status`
 * (body-parser adds a `type`); this turns them into app errors saying which mistake it was.
 * Anything else is returned as it is.
 */
export function fromHttpError(error: unknown): unknown {
  if (error instanceof AppError || !(error instanceof Error)) return error;
  const { status, type } = error as { status?: unknown; type?: unknown };
  if (typeof status !== "number" || status < 400 || status >= 500) return error;
  switch (type) {
    case "entity.parse.failed":
      return new AppError(400, "MALFORMED_JSON", "The request body is not valid JSON.");
    case "entity.verify.failed":
      // What the JSON parser's `verify` refuses: a body nested too deeply (src/core/json-depth.ts).
      return new TooDeeplyNestedError();
    case "entity.too.large":
      return new AppError(413, "PAYLOAD_TOO_LARGE", "The request body is too large.");
    case "charset.unsupported":
    case "encoding.unsupported":
      return new AppError(415, "UNSUPPORTED_MEDIA_TYPE", "The body's encoding is not supported.");
    default:
      return new AppError(status, statusCode(status), "The request could not be read.");
  }
}
