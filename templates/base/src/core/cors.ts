/**
 * The response headers a page's script may read on a cross-origin answer, beyond the few
 * browsers always expose: the request id to quote in a report, where a created resource is,
 * and how long to wait after a 429 or 503.
 */
export const exposedHeaders = ["X-Request-Id", "Location", "Retry-After"];

/** `CORS_ORIGINS` as the CORS packages take it: `*` alone allows any origin. */
export function originOption(origins: string[]): "*" | string[] {
  return origins.includes("*") ? "*" : origins;
}
