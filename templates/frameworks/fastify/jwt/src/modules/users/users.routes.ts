import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { pageQuerySchema } from "../../core/pagination.js";
import { authUser, requireRole } from "../../http/authenticate.js";
import { toJson } from "../../http/json.js";
import { problemResponse, problems } from "../../http/responses.js";
import { userPageSchema, userSchema } from "./user.schemas.js";
import type { UsersService } from "./users.service.js";

export interface UsersRoutesOptions {
  users: UsersService;
}

const common = { tags: ["users"], security: [{ bearerAuth: [] }] };

export const usersRoutes: FastifyPluginAsyncZod<UsersRoutesOptions> = async (app, { users }) => {
  app.addHook("onRequest", app.authenticate);

  app.get(
    "/me",
    {
      schema: {
        ...common,
        operationId: "getCurrentUser",
        summary: "The signed-in user",
        response: { 200: userSchema, ...problems(401, 429, 500) },
      },
    },
    async (request) => toJson(await users.get(authUser(request).id)),
  );

  app.get(
    "",
    {
      onRequest: requireRole("admin"),
      schema: {
        ...common,
        operationId: "listUsers",
        summary: "List users (admins only)",
        querystring: pageQuerySchema,
        response: {
          200: userPageSchema,
          ...problems(400, 401, 429, 500),
          403: problemResponse("Not an admin"),
        },
      },
    },
    async (request) => toJson(await users.list(request.query)),
  );
};
