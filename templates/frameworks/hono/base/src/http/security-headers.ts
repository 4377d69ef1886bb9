import { secureHeaders } from "hono/secure-headers";

/**
 * hono/secure-headers with helmet's default Content-Security-Policy (hono sets none by default),
 * less `upgrade-insecure-requests`: over plain HTTP it would send the docs page's scripts to an
 * https:// address nothing answers.
 */
export const securityHeaders = () =>
  secureHeaders({
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
    },
  });
