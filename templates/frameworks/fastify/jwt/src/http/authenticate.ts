import type { FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { AccessTokens, AuthUser } from "../modules/auth/access-tokens.js";
import { ForbiddenError, MissingTokenError } from "../modules/auth/auth.errors.js";
import { bearerToken } from "../modules/auth/bearer-token.js";
import type { Role } from "../modules/users/user.schemas.js";

declare module "fastify" {
  interface FastifyInstance {
    /**
     * `preValidation` hook: requires a valid `Authorization: Bearer <access token>` and sets
     * `request.user`. The answer is the user's own data, so no cache may keep it.
     * Not onRequest, so the rate limiter (in each route's onRequest) counts refused requests.
     */
    authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
  interface FastifyRequest {
    user: AuthUser | null;
  }
}

export interface AuthenticateOptions {
  accessTokens: AccessTokens;
}

/** Decorates the app with `authenticate`; fastify-plugin makes it visible to every route plugin. */
export const authenticate = fp<AuthenticateOptions>(
  async (app, { accessTokens }) => {
    app.decorateRequest("user", null);
    app.decorate("authenticate", async (request: FastifyRequest, reply: FastifyReply) => {
      request.user = await accessTokens.verify(bearerToken(request.headers.authorization));
      reply.header("Cache-Control", "no-store");
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
  if (!request.user) throw new MissingTokenError();
  return request.user;
}
