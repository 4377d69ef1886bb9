import { AppError } from "./errors.js";

/**
 * A request path whose percent-encoding does not decode (`%ZZ`, a cut UTF-8 sequence) names no
 * resource: the request is malformed (RFC 3986, section 2.1), wherever the path points.
 */
export class MalformedPathError extends AppError {
  constructor() {
    super(400, "BAD_REQUEST", "The request path is not validly percent-encoded.");
  }
}

/** Whether every percent-encoded sequence in `path` decodes to UTF-8 text. */
export function isDecodablePath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}
