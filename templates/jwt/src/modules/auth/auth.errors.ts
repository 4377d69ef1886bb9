import { AppError } from "../../core/errors.js";

export class UnauthorizedError extends AppError {
  constructor(code: string, message: string, challenge = "Bearer") {
    super(401, code, message, { "WWW-Authenticate": challenge });
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
