import { fromNodeHeaders } from "better-auth/node";
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { type Auth, CLIENT_ADDRESS_HEADER } from "./auth.js";
import { authResponse } from "./auth-response.js";
import { isSessionRead } from "./session-read.js";

export interface AuthRoutesOptions {
  auth: Auth;
  /** The public URL of the API (BETTER_AUTH_URL): the origin of the URLs Better Auth reads. */
  baseURL: string;
  /** Requests per client per window on every route here but the session read, counted together. */
  rateLimitMax: number;
}

/**
 * Better Auth's routes (sign-up, sign-in, sessions, OAuth, 2FA, email flows), answered by its
 * handler and described in the OpenAPI document by `docs`. Fastify reads the body first, so
 * its body limit and JSON errors apply here as on every route.
 */
export const authRoutes: FastifyPluginAsync<AuthRoutesOptions> = async (
  app,
  { auth, baseURL, rateLimitMax },
) => {
  const origin = new URL(baseURL).origin;

  // Runs before the global limiter, which then skips these requests: they count here only.
  // A session read it leaves to the global limiter (see session-read.ts).
  const authRateLimit = app.rateLimit({ max: rateLimitMax });
  app.addHook("onRequest", async function (request, reply) {
    if (!isSessionRead(request.method, request.url)) await authRateLimit.call(this, request, reply);
  });

  app.route({
    method: ["GET", "POST"],
    url: "/*",
    // Better Auth answers no HEAD request: no HEAD route, so one is a 404.
    exposeHeadRoute: false,
    schema: { hide: true },
    handler: async (request) => authResponse(auth, toWebRequest(request, origin), request),
  });
};

/**
 * The request as Better Auth reads it: a Web `Request`, with the body Fastify parsed. Its URL
 * is on the configured origin, not the Host header: that is the client's to write, and one that
 * is no valid host would make `new Request()` throw.
 */
function toWebRequest(request: FastifyRequest, origin: string): Request {
  const headers = fromNodeHeaders(request.headers);
  headers.set(CLIENT_ADDRESS_HEADER, request.ip);
  return new Request(`${origin}${request.url}`, {
    method: request.method,
    headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
  });
}
