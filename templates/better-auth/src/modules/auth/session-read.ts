/**
 * Whether a request reads the session (`GET /api/v1/auth/get-session`), as Better Auth's browser
 * client does on every page load and window focus. That guesses no credential and sends no
 * email, so it counts against the API's rate limit (RATE_LIMIT_MAX) like any route, not against
 * the strict one of the other auth routes (AUTH_RATE_LIMIT_MAX). `target` is the request's path
 * and query as sent: only that exact path is spared.
 */
export function isSessionRead(method: string, target: string): boolean {
  return method === "GET" && target.split("?", 1)[0] === "/api/v1/auth/get-session";
}
