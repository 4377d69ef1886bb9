import { AppError } from "../core/errors.js";

/**
 * Whether a Content-Type is a JSON type other than `application/json` (`application/vnd.api+json`,
 * `application/merge-patch+json`): the routes read `application/json` only, and their OpenAPI
 * operations say so.
 */
export function isOtherJsonType(contentType: string | undefined): boolean {
  const mediaType = (contentType ?? "").split(";", 1)[0]?.trim().toLowerCase() ?? "";
  return /^application\/[\w.-]+\+json$/.test(mediaType);
}

export class UnsupportedMediaTypeError extends AppError {
  constructor() {
    super(415, "UNSUPPORTED_MEDIA_TYPE", "The request body must be sent as application/json.");
  }
}
