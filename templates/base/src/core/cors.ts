/** Response headers as name and value pairs, in the order they are set. */
export type HeaderPairs = readonly (readonly [name: string, value: string])[];

/** The response headers a page's script may read on a cross-origin answer. */
export const exposedHeaders = ["X-Request-Id"];

/** `origins` as each framework's CORS package takes them: `*` alone allows any origin. */
export function originOption(origins: string[]): "*" | string[] {
  return origins.includes("*") ? "*" : origins;
}

/**
 * The CORS headers of an actual (not preflight) response, given the request's `Origin`, for
 * `origins` (`*` allows any) and `exposeHeaders` (the response headers a page's script may
 * read). Every header list is built here once, so a request costs one lookup.
 *
 * Preflights stay with each framework's CORS package. Their per-request path rebuilds its
 * options on every request; this one is all most responses need.
 */
export function corsHeaders(
  origins: readonly string[],
  exposeHeaders: readonly string[],
): (origin: string | undefined) => HeaderPairs {
  const expose = exposeHeaders.join(", ");
  if (origins.includes("*")) {
    const anyOrigin: HeaderPairs = [
      ["Access-Control-Allow-Origin", "*"],
      ["Access-Control-Expose-Headers", expose],
    ];
    return () => anyOrigin;
  }
  // The answer depends on the Origin header, so caches must keep one copy per origin.
  const vary: HeaderPairs = [["Vary", "Origin"]];
  const allowed = new Map<string, HeaderPairs>(
    origins.map((origin) => [
      origin,
      [...vary, ["Access-Control-Allow-Origin", origin], ["Access-Control-Expose-Headers", expose]],
    ]),
  );
  return (origin) => (origin === undefined ? vary : (allowed.get(origin) ?? vary));
}
