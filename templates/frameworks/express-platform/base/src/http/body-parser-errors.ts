import { AppError } from "../core/errors.js";

/**
 * `express.json()` reports client mistakes as http-errors with a `type` and a 4xx status; this
 * turns them into app errors that say which mistake it was (undefined for anything else).
 */
export function fromBodyParser(error: { type?: unknown; status?: unknown }): AppError | undefined {
  if (error.type === "entity.parse.failed") {
    return new AppError(400, "MALFORMED_JSON", "The request body is not valid JSON.");
  }
  if (error.type === "entity.too.large") {
    return new AppError(413, "PAYLOAD_TOO_LARGE", "The request body is too large.");
  }
  if (typeof error.type === "string" && typeof error.status === "number" && error.status < 500) {
    return new AppError(error.status, "BAD_REQUEST", "The request body could not be read.");
  }
  return undefined;
}
