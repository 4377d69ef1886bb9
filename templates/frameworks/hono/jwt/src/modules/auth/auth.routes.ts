import { createRouter } from "../../http/router.js";
import { login, logout, refresh, register } from "./auth.openapi.js";
import type { AuthService } from "./auth.service.js";

export function authRoutes(auth: AuthService) {
  const router = createRouter();
  router.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
  });
  return router
    .openapi(register, async (c) => c.json(await auth.register(c.req.valid("json")), 201))
    .openapi(login, async (c) => c.json(await auth.login(c.req.valid("json")), 200))
    .openapi(refresh, async (c) => {
      const { refreshToken } = c.req.valid("json");
      return c.json(await auth.refresh(refreshToken), 200);
    })
    .openapi(logout, async (c) => {
      const { refreshToken } = c.req.valid("json");
      await auth.logout(refreshToken);
      return c.body(null, 204);
    });
}
