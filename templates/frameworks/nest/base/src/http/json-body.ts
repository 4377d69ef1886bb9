import express, { type RequestHandler } from "express";
import { AppError } from "../core/errors.js";

/**
 * Parses JSON bodies up to `limit` bytes. Its errors become app errors here: Nest would turn a
 * parse error into a bare 400 and lose which mistake the client made.
 */
export function jsonBody(limit: number): RequestHandler {
  const parse = express.json({ limit });
  return (req, res, next) => {
    parse(req, res, (error?: unknown) => next(error && fromBodyParser(error)));
  };
}

// express.json() reports client mistakes as http-errors with a `type` and a 4xx status.
function fromBodyParser(error: { type?: unknown; status?: unknown }): unknown {
  if (error.type === "entity.parse.failed") {
    return new AppError(400, "MALFORMED_JSON", "The request body is not valid JSON.");
  }
  if (error.type === "entity.too.large") {
    return new AppError(413, "PAYLOAD_TOO_LARGE", "The request body is too large.");
  }
  if (typeof error.type === "string" && typeof error.status === "number" && error.status < 500) {
    return new AppError(error.status, "BAD_REQUEST", "The request body could not be read.");
  }
  return error;
}
