import { AppError } from "../../core/errors.js";

export class UnauthorizedError extends AppError {
  constructor(code: string, message: string, challenge = "Bearer") {
    super(401, code, message, { "WWW-Authenticate": challenge });
  }
}

/** No bearer token: the challenge names the scheme and, as RFC 6750 §3.1 asks, no error. */
export class MissingTokenError extends UnauthorizedError {
  constructor() {
    super("UNAUTHORIZED", "A bearer access token is required.");
  }
}

export class InvalidTokenError extends UnauthorizedError {
  constructor() {
    super(
      "INVALID_TOKEN",
      "The access token is invalid or expired.",
      'Bearer error="invalid_token"',
    );
  }
}

export class ForbiddenError extends AppError {
  constructor() {
    super(403, "FORBIDDEN", "You are not allowed to do this.");
  }
}

export class EmailTakenError extends AppError {
  constructor() {
    super(409, "EMAIL_TAKEN", "An account with this email already exists.");
  }
}
