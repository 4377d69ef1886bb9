import { AppError } from "../core/errors.js";

/**
 * Whether a Content-Type is a JSON type other than `application/json` (`application/vnd.api+json`,
 * `application/merge-patch+json`): the routes read `application/json` only, and their OpenAPI
 * operations say so.
 */
export function isOtherJsonType(contentType: string | undefined): boolean {
  return /^application\/[\w.-]+\+json$/.test(mediaTypeOf(contentType));
}

/** Whether a Content-Type is `application/json`, whatever its parameters. */
export function isJsonType(contentType: string | undefined): boolean {
  return mediaTypeOf(contentType) === "application/json";
}

function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? "").split(";", 1)[0]?.trim().toLowerCase() ?? "";
}

export class UnsupportedMediaTypeError extends AppError {
  constructor() {
    super(415, "UNSUPPORTED_MEDIA_TYPE", "The request body must be sent as application/json.");
  }
}
