import { Router } from "express";
import { parseInput } from "../../core/validation.js";
import { loginSchema, refreshSchema, registerSchema } from "./auth.schemas.js";
import type { AuthService } from "./auth.service.js";

export function authRouter(auth: AuthService): Router {
  const router = Router();

  router.post("/register", async (req, res) => {
    res.status(201).json(await auth.register(parseInput(registerSchema, req.body)));
  });

  router.post("/login", async (req, res) => {
    res.json(await auth.login(parseInput(loginSchema, req.body)));
  });

  router.post("/refresh", async (req, res) => {
    const { refreshToken } = parseInput(refreshSchema, req.body);
    res.json(await auth.refresh(refreshToken));
  });

  router.post("/logout", async (req, res) => {
    const { refreshToken } = parseInput(refreshSchema, req.body);
    await auth.logout(refreshToken);
    res.status(204).end();
  });

  return router;
}
