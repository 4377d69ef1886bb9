import { AppError } from "../../core/errors.js";

export class UnauthorizedError extends AppError {
  constructor() {
    super(401, "UNAUTHORIZED", "Sign in first: this route needs a session.");
  }
}

export class ForbiddenError extends AppError {
  constructor() {
    super(403, "FORBIDDEN", "You are not allowed to do this.");
  }
}
