import { AsyncLocalStorage } from "node:async_hooks";
import {
  AppError,
  type FieldError,
  NotFoundError,
  statusCode,
  ValidationError,
} from "../../core/errors.js";
import { toProblem } from "../../core/problem.js";
import type { Auth, AuthLogger } from "./auth.js";

/** What of Better Auth answers a request. */
type AuthHandler = Pick<Auth, "handler"> & { options: Pick<Auth["options"], "basePath"> };

/** The request Better Auth answers, as the HTTP layer knows it. */
export interface AuthRequest {
  id: string;
  /** The request's logger, whose lines carry its id. */
  log: AuthLogger;
}

/**
 * What Better Auth's work on a request keeps beside it: the request's logger, the error behind
 * its 500, which `keepFailure` puts there while Better Auth answers, and the last failure of
 * something else it logged (`keepFault`), a database's for one.
 */
const requests = new AsyncLocalStorage<{ log: AuthLogger; error?: unknown; fault?: unknown }>();

/**
 * Better Auth's `onAPIError.onError` (auth.ts): keeps the error it turns into a 500, so the
 * answer can tell a database that cannot be reached (503, as on every other route) from a bug.
 */
export function keepFailure(error: unknown): void {
  const store = requests.getStore();
  if (store) store.error = error;
}

/** Better Auth's logger (auth.ts): keeps a failure that is not the client's, as it logs it. */
export function keepFault(error: unknown): void {
  const store = requests.getStore();
  if (store) store.fault = error;
}

/**
 * Codes Better Auth answers with a 4xx when the user or session it was storing is not stored: a
 * failure of the server, whose answer is that of the failure behind it (a 503 for a database
 * that cannot be reached) or a 500.
 */
const STORE_FAILURES = new Set(["FAILED_TO_CREATE_USER", "FAILED_TO_CREATE_SESSION"]);

/** The logger of the request Better Auth is answering; undefined outside of one. */
export function requestLogger(): AuthLogger | undefined {
  return requests.getStore()?.log;
}

/**
 * Answers a request to /api/v1/auth/* with Better Auth, its errors turned into RFC 9457
 * problems like every other error of the API. Successes and redirects pass through untouched,
 * except the redirect of a failed OAuth callback to Better Auth's HTML error page
 * (`/api/v1/auth/error?error=…`): that one, and the page itself, answer the problem instead.
 * No answer may be cached: they are about one user's account, and sign-in's carries its token.
 */
export async function authResponse(
  auth: AuthHandler,
  request: Request,
  { id, log }: AuthRequest,
): Promise<Response> {
  const response = await requests.run({ log }, () => answer(auth, request, id));
  if (response.headers.has("cache-control")) return response;
  const headers = new Headers(response.headers);
  headers.set("cache-control", "no-store");
  const { status, statusText, body } = response;
  return new Response(body, { status, statusText, headers });
}

async function answer(auth: AuthHandler, request: Request, requestId: string): Promise<Response> {
  const errorPage = `${auth.options.basePath}/error`;
  const url = new URL(request.url);
  if (url.pathname === errorPage) return problemResponse(oauthError(url.searchParams), requestId);
  const response = await auth.handler(request);
  const location = response.headers.get("location");
  if (location && response.status < 400) {
    const target = new URL(location, url);
    if (target.pathname !== errorPage) return response;
    return problemResponse(oauthError(target.searchParams), requestId, response.headers);
  }
  if (response.status < 400) return response;
  // A failure's own error, when Better Auth handed it over; a database it could not reach is a 503.
  const store = requests.getStore();
  const kept = response.status >= 500 ? store?.error : undefined;
  const error = kept ?? (await toAppError(request, response));
  if (error instanceof AppError && STORE_FAILURES.has(error.code)) {
    return problemResponse(store?.fault ?? new Error(error.code), requestId, response.headers);
  }
  return problemResponse(error, requestId, response.headers);
}

function problemResponse(error: unknown, requestId: string, from?: Headers): Response {
  const problem = toProblem(error, requestId);
  // Better Auth's own headers stay, its cookies above all (an expired OAuth state, for one).
  const headers = new Headers(from);
  headers.delete("content-length");
  headers.delete("location");
  headers.set("content-type", "application/problem+json");
  for (const [name, value] of Object.entries(problem.headers)) headers.set(name, value);
  return new Response(JSON.stringify(problem.body), { status: problem.status, headers });
}

/** Statuses of the OAuth errors Better Auth and providers name in `?error=`; others are 400. */
const OAUTH_ERROR_STATUS: Record<string, number> = {
  oauth_provider_not_found: 404,
  access_denied: 403,
  signup_disabled: 403,
  internal_server_error: 500,
  state_generation_error: 500,
};

/** A failed sign-in with a provider, from its error code and description. */
function oauthError(params: URLSearchParams): unknown {
  const error = params.get("error") || "unknown";
  const status = OAUTH_ERROR_STATUS[error] ?? 400;
  if (status >= 500) return new Error(`OAuth sign-in failed: ${error}`);
  const code = /^[A-Za-z0-9_-]{1,64}$/.test(error)
    ? error.toUpperCase().replaceAll("-", "_")
    : "OAUTH_ERROR";
  const detail =
    params.get("error_description")?.slice(0, 200) ||
    `The sign-in with the provider failed (${error.slice(0, 64)}); start it again.`;
  return new AppError(status, code, detail);
}

interface ErrorBody {
  code?: unknown;
  message?: unknown;
}

/** Better Auth answers errors as `{ code, message }` (unknown routes with an empty body). */
async function toAppError(request: Request, response: Response): Promise<unknown> {
  const { status } = response;
  if (status >= 500) return new Error(`Better Auth answered ${status}`);
  if (status === 404 && !response.headers.get("content-type")?.includes("json")) {
    return new NotFoundError(
      `No route matches ${request.method} ${new URL(request.url).pathname}.`,
    );
  }
  const body = (await response.json().catch(() => ({}))) as ErrorBody;
  const message =
    typeof body.message === "string" && body.message !== "" ? body.message : undefined;
  if (body.code === "VALIDATION_ERROR" && message) return new ValidationError(fieldErrors(message));
  const code = typeof body.code === "string" && body.code !== "" ? body.code : statusCode(status);
  return new AppError(status, code, message ?? "The request could not be completed.");
}

/** Better Auth's validation message, `[body.email] Invalid email; [body.password] …`, per field. */
function fieldErrors(message: string): FieldError[] {
  return message.split("; ").map((part) => {
    const match = /^\[(?:body|query)\.?([^\]]*)\] (.*)$/.exec(part);
    return match
      ? { path: match[1] ?? "", message: match[2] ?? part }
      : { path: "", message: part };
  });
}
