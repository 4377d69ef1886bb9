import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";

/** helmet's defaults: hono's secure headers plus helmet's Content-Security-Policy. */
const secureHeadersMiddleware = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    fontSrc: ["'self'", "https:", "data:"],
    formAction: ["'self'"],
    frameAncestors: ["'self'"],
    imgSrc: ["'self'", "data:"],
    objectSrc: ["'none'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "https:", "'unsafe-inline'"],
    upgradeInsecureRequests: [],
  },
});

/**
 * The security headers, as [name, value] pairs. Without per-request values (CSP nonces) they
 * never change, so they are collected from hono/secure-headers once, at start-up, and set with
 * the request id on every response (see request-id.ts).
 */
export const securityHeaders: [string, string][] = [
  ...(
    await new Hono()
      .use(secureHeadersMiddleware)
      .get("/", (c) => c.body(null))
      .request("/")
  ).headers,
];
