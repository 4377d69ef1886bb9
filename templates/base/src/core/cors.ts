/** The response headers a page's script may read on a cross-origin answer. */
export const exposedHeaders = ["X-Request-Id"];

/** `CORS_ORIGINS` as the CORS packages take it: `*` alone allows any origin. */
export function originOption(origins: string[]): "*" | string[] {
  return origins.includes("*") ? "*" : origins;
}
