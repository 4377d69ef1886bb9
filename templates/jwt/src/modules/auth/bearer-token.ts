import { InvalidTokenError, MissingTokenError } from "./auth.errors.js";

// RFC 6750 §2.1: credentials = "Bearer" 1*SP b64token, the scheme in any case (RFC 9110 §11.1).
const credentials = /^(\S*) *(.*)$/;
const b64token = /^[\w.~+/-]+=*$/;

/**
 * The access token of an `Authorization: Bearer <token>` header. No header, another scheme or
 * no token is a missing token; anything but one token after the scheme is an invalid one.
 */
export function bearerToken(authorization: string | undefined): string {
  const [, scheme, token] = credentials.exec(authorization ?? "") ?? [];
  if (scheme?.toLowerCase() !== "bearer" || !token) throw new MissingTokenError();
  if (!b64token.test(token)) throw new InvalidTokenError();
  return token;
}
