import { type AuthEnv, authenticate } from "../../http/authenticate.js";
import { createRouter } from "../../http/router.js";
import type { AccessTokens } from "../auth/access-tokens.js";
import { list, me } from "./users.openapi.js";
import type { UsersService } from "./users.service.js";

export function usersRoutes(users: UsersService, accessTokens: AccessTokens) {
  const router = createRouter<AuthEnv>();
  router.use(authenticate(accessTokens));
  return router
    .openapi(me, async (c) => c.json(await users.get(c.var.user.id), 200))
    .openapi(list, async (c) => c.json(await users.list(c.req.valid("query")), 200));
}
