import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import helmet, { type HelmetOptions } from "helmet";

/**
 * helmet's headers on every response. helmet() runs a dozen small middleware on each request,
 * but without per-request values (CSP nonces) they set the same headers every time, so they are
 * collected from helmet once, at start-up, and set in one call.
 */
export function securityHeaders(options?: HelmetOptions): RequestHandler {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: string) => headers.set(name, value),
    removeHeader: () => {},
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, () => {});
  return (_req, res, next) => {
    res.setHeaders(headers);
    next();
  };
}
