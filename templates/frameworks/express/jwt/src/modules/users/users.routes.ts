import { Router } from "express";
import { pageQuerySchema } from "../../core/pagination.js";
import { parseInput } from "../../core/validation.js";
import { authenticate, authUser, requireRole } from "../../http/authenticate.js";
import type { AccessTokens } from "../auth/access-tokens.js";
import type { UsersService } from "./users.service.js";

export function usersRouter(users: UsersService, accessTokens: AccessTokens): Router {
  const router = Router();
  router.use(authenticate(accessTokens));

  router.get("/me", async (req, res) => {
    res.json(await users.get(authUser(req).id));
  });

  router.get("/", requireRole("admin"), async (req, res) => {
    res.json(await users.list(parseInput(pageQuerySchema, req.query)));
  });

  return router;
}
