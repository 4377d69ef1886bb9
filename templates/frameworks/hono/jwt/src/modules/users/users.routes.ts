import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { pageQuerySchema } from "../../core/pagination.js";
import { type AuthEnv, authenticate, requireRole } from "../../http/authenticate.js";
import { commonProblems, jsonResponse, problemResponse } from "../../openapi/responses.js";
import type { AccessTokens } from "../auth/access-tokens.js";
import { userPageSchema, userSchema } from "./user.schemas.js";
import type { UsersService } from "./users.service.js";

const common = { tags: ["users"], security: [{ bearerAuth: [] }] };
const unauthorized = { 401: problemResponse("Missing or invalid access token") };

export function usersRoutes(users: UsersService, accessTokens: AccessTokens) {
  const router = new OpenAPIHono<AuthEnv>();
  router.use(authenticate(accessTokens));

  router.openapi(
    createRoute({
      ...common,
      operationId: "getCurrentUser",
      method: "get",
      path: "/me",
      summary: "The signed-in user",
      responses: {
        200: jsonResponse("The user", userSchema),
        ...unauthorized,
        ...commonProblems,
      },
    }),
    async (c) => c.json(await users.get(c.var.user.id), 200),
  );

  router.openapi(
    createRoute({
      ...common,
      operationId: "listUsers",
      method: "get",
      path: "/",
      summary: "List users (admins only)",
      middleware: [requireRole("admin")] as const,
      request: { query: pageQuerySchema },
      responses: {
        200: jsonResponse("A page of users", userPageSchema),
        400: problemResponse("Invalid request"),
        ...unauthorized,
        403: problemResponse("Not an admin"),
        ...commonProblems,
      },
    }),
    async (c) => c.json(await users.list(c.req.valid("query")), 200),
  );

  return router;
}
