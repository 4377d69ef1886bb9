import { createRoute } from "@hono/zod-openapi";
import { pageQuerySchema } from "../../core/pagination.js";
import { requireRole } from "../../http/authenticate.js";
import { jsonResponse, problemResponse } from "../../openapi/responses.js";
import { userPageSchema, userSchema } from "./user.schemas.js";

const tags = ["users"];
const security = [{ bearerAuth: [] }];
const unauthorized = problemResponse("Missing or invalid access token");

export const me = createRoute({
  method: "get",
  path: "/me",
  tags,
  security,
  summary: "The signed-in user",
  responses: { 200: jsonResponse("The user", userSchema), 401: unauthorized },
});

export const list = createRoute({
  method: "get",
  path: "/",
  tags,
  security,
  summary: "List users (admins only)",
  middleware: [requireRole("admin")] as const,
  request: { query: pageQuerySchema },
  responses: {
    200: jsonResponse("A page of users", userPageSchema),
    400: problemResponse("Invalid request"),
    401: unauthorized,
    403: problemResponse("Not an admin"),
  },
});
