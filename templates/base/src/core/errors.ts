import { STATUS_CODES } from "node:http";

/** An error whose status, code and message are safe to show to the client. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The problem code for a status no error of the app names: its reason phrase, `FORBIDDEN`. */
export function statusCode(status: number): string {
  return (STATUS_CODES[status] ?? "Error").toUpperCase().replaceAll(" ", "_");
}

export interface FieldError {
  path: string;
  message: string;
}

export class ValidationError extends AppError {
  constructor(readonly errors: FieldError[]) {
    super(400, "VALIDATION_FAILED", "The request is invalid.");
  }
}

export class NotFoundError extends AppError {
  constructor(message = "The resource was not found.") {
    super(404, "NOT_FOUND", message);
  }
}

export class RateLimitedError extends AppError {
  constructor() {
    super(429, "RATE_LIMITED", "Too many requests, try again later.");
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(message: string, retryAfterSeconds?: number) {
    const retryAfter = retryAfterSeconds ? { "Retry-After": String(retryAfterSeconds) } : undefined;
    super(503, "SERVICE_UNAVAILABLE", message, retryAfter);
  }
}
