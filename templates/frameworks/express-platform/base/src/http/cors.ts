import corsPackage from "cors";
import type { RequestHandler } from "express";
import { corsHeaders, exposedHeaders, originOption } from "../core/cors.js";

/**
 * CORS for `origins` (`*` allows any). Preflights (OPTIONS) are answered by the cors package;
 * every other response gets its headers here (see core/cors.ts). The package, on each of those
 * requests, rebuilds its options and re-parses the response's `Vary` header.
 */
export function cors(origins: string[]): RequestHandler {
  const preflight = corsPackage({ origin: originOption(origins), exposedHeaders });
  const headersFor = corsHeaders(origins, exposedHeaders);
  return (req, res, next) => {
    if (req.method === "OPTIONS") return preflight(req, res, next);
    for (const [name, value] of headersFor(req.headers.origin)) res.setHeader(name, value);
    next();
  };
}
