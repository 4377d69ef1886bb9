import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { Router } from "express";
import { pageQuerySchema } from "../../core/pagination.js";
import { authenticate, authUser, bearerAuth, requireRole } from "../../http/authenticate.js";
import { routes } from "../../http/route.js";
import { jsonResponse, problemResponse } from "../../openapi/responses.js";
import type { AccessTokens } from "../auth/access-tokens.js";
import { userPageSchema, userSchema } from "./user.schemas.js";
import type { UsersService } from "./users.service.js";

interface Services {
  users: UsersService;
  accessTokens: AccessTokens;
}

export function usersRouter(registry: OpenAPIRegistry, { users, accessTokens }: Services): Router {
  const router = Router();
  router.use(authenticate(accessTokens));
  const route = routes(router, registry, {
    basePath: "/api/v1/users",
    tags: ["users"],
    security: bearerAuth,
  });

  route(
    {
      method: "get",
      path: "/me",
      operationId: "getCurrentUser",
      summary: "The signed-in user",
      responses: { 200: jsonResponse("The user", userSchema) },
    },
    async (req, res) => {
      res.json(await users.get(authUser(req).id));
    },
  );

  route(
    {
      method: "get",
      path: "/",
      operationId: "listUsers",
      summary: "List users (admins only)",
      request: { query: pageQuerySchema },
      responses: {
        200: jsonResponse("A page of users", userPageSchema),
        403: problemResponse("Not an admin"),
      },
      before: [requireRole("admin")],
    },
    async (req, res) => {
      res.json(await users.list(req.query));
    },
  );

  return router;
}
