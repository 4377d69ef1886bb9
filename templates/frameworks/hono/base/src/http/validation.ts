import type { Hook } from "@hono/zod-openapi";
import { ValidationError } from "../core/errors.js";
import type { AppEnv } from "./app-env.js";

/**
 * The app's `defaultHook`: a request that fails its route's zod schemas becomes the shared 400
 * problem. Routers mounted with `app.route()` use their parent's hook.
 */
export const validationHook: Hook<unknown, AppEnv, string, void> = (result) => {
  if (result.success) return;
  throw new ValidationError(
    result.error.issues.map((issue) => ({
      path: issue.path.map(String).join("."),
      message: issue.message,
    })),
  );
};
