import { fromNodeHeaders } from "better-auth/node";
import type { FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { ForbiddenError, UnauthorizedError } from "../modules/auth/auth.errors.js";
import type { Auth } from "../modules/auth/auth.js";
import { type AuthUser, requestSession } from "../modules/auth/session.js";
import type { Role } from "../modules/users/user.schemas.js";

declare module "fastify" {
  interface FastifyInstance {
    /**
     * `preValidation` hook: requires a valid session cookie and sets `request.user`.
     * Not onRequest, so the rate limiter (in each route's onRequest) counts refused requests.
     */
    authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
  interface FastifyRequest {
    user: AuthUser | null;
  }
}

export interface AuthenticateOptions {
  auth: Auth;
}

/** Decorates the app with `authenticate`; fastify-plugin makes it visible to every route plugin. */
export const authenticate = fp<AuthenticateOptions>(
  async (app, { auth }) => {
    app.decorateRequest("user", null);
    app.decorate("authenticate", async (request: FastifyRequest, reply: FastifyReply) => {
      const { user, cookies } = await requestSession(auth, fromNodeHeaders(request.headers));
      if (cookies.length > 0) reply.header("set-cookie", cookies);
      if (!user) throw new UnauthorizedError();
      // The answer is that user's, chosen by a cookie no cache keys on: no cache may keep it.
      reply.header("cache-control", "no-store");
      request.user = user;
    });
  },
  { name: "authenticate" },
);

/** Route `preValidation` hook, after `authenticate`: only users with this role may go on. */
export function requireRole(role: Role) {
  return async (request: FastifyRequest) => {
    if (authUser(request).role !== role) throw new ForbiddenError();
  };
}

/** The user set by `authenticate`, for handlers behind it. */
export function authUser(request: FastifyRequest): AuthUser {
  if (!request.user) throw new UnauthorizedError();
  return request.user;
}
