import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { pageQuerySchema } from "../../core/pagination.js";
import { authUser, requireRole } from "../../http/authenticate.js";
import { toJson } from "../../http/json.js";
import { problemResponse } from "../../http/responses.js";
import { userPageSchema, userSchema } from "./user.schemas.js";
import type { UsersService } from "./users.service.js";

export interface UsersRoutesOptions {
  users: UsersService;
}

const tags = ["users"];
const security = [{ bearerAuth: [] }];
const unauthorized = problemResponse("Missing or invalid access token");

export const usersRoutes: FastifyPluginAsyncZod<UsersRoutesOptions> = async (app, { users }) => {
  app.addHook("onRequest", app.authenticate);

  app.get(
    "/me",
    {
      schema: {
        tags,
        security,
        summary: "The signed-in user",
        response: { 200: userSchema, 401: unauthorized },
      },
    },
    async (request) => toJson(await users.get(authUser(request).id)),
  );

  app.get(
    "",
    {
      onRequest: requireRole("admin"),
      schema: {
        tags,
        security,
        summary: "List users (admins only)",
        querystring: pageQuerySchema,
        response: {
          200: userPageSchema,
          400: problemResponse("Invalid request"),
          401: unauthorized,
          403: problemResponse("Not an admin"),
        },
      },
    },
    async (request) => toJson(await users.list(request.query)),
  );
};
