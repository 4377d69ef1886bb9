import express, { type RequestHandler } from "express";
import { fromBodyParser } from "./body-parser-errors.js";

/**
 * Parses JSON bodies up to `limit` bytes. Its errors become app errors here: Nest would turn a
 * parse error into a bare 400 and lose which mistake the client made.
 */
export function jsonBody(limit: number): RequestHandler {
  const parse = express.json({ limit });
  return (req, res, next) => {
    parse(req, res, (error?: unknown) => next(error && (fromBodyParser(error) ?? error)));
  };
}
