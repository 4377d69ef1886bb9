import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { pageQuerySchema } from "../../core/pagination.js";
import { jsonResponse, problemResponse } from "../../openapi/responses.js";
import { userPageSchema, userSchema } from "./user.schemas.js";

const tags = ["users"];
const security = [{ bearerAuth: [] }];
const unauthorized = problemResponse("Missing or invalid access token");

export function registerUsersPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: "/api/v1/users/me",
    tags,
    security,
    summary: "The signed-in user",
    responses: { 200: jsonResponse("The user", userSchema), 401: unauthorized },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/users",
    tags,
    security,
    summary: "List users (admins only)",
    request: { query: pageQuerySchema },
    responses: {
      200: jsonResponse("A page of users", userPageSchema),
      400: problemResponse("Invalid request"),
      401: unauthorized,
      403: problemResponse("Not an admin"),
    },
  });
}
