import { AppError } from "./errors.js";

/**
 * Whether a Content-Type is JSON declared in a charset other than UTF-8. JSON exchanged between
 * systems is UTF-8 (RFC 8259, section 8.1): such a body is refused rather than read as UTF-8,
 * which would store its non-ASCII text garbled.
 */
export function isJsonInOtherCharset(contentType: string | undefined): boolean {
  const [mediaType = "", ...parameters] = (contentType ?? "").split(";");
  if (!/^application\/([\w.-]+\+)?json$/i.test(mediaType.trim())) return false;
  const charset = parameters
    .map((parameter) => parameter.trim())
    .find((parameter) => /^charset=/i.test(parameter))
    ?.slice("charset=".length)
    .replace(/^"(.*)"$/, "$1");
  return charset !== undefined && charset.toLowerCase() !== "utf-8";
}

export class UnsupportedCharsetError extends AppError {
  constructor() {
    super(415, "UNSUPPORTED_MEDIA_TYPE", "A JSON body must be UTF-8: send charset=utf-8, or none.");
  }
}

/**
 * Whether a body is sent in a content coding (`Content-Encoding: gzip`, `br`, …). The API reads
 * bodies as they are sent: such a body is refused (RFC 9110, section 8.4.1) rather than read as
 * JSON it is not.
 */
export function isContentCoded(contentEncoding: string | undefined): boolean {
  const coding = (contentEncoding ?? "").trim().toLowerCase();
  return coding !== "" && coding !== "identity";
}

export class UnsupportedContentCodingError extends AppError {
  constructor() {
    super(415, "UNSUPPORTED_MEDIA_TYPE", "The body's encoding is not supported.");
  }
}
