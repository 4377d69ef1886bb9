import { OpenAPIHono } from "@hono/zod-openapi";
import type { Env } from "hono";
import { ValidationError } from "../core/errors.js";
import type { AppEnv } from "./app-env.js";

/**
 * An OpenAPIHono app whose request validation failures become the shared 400 problem. Hooks are
 * not inherited by mounted apps, so every router is made here.
 */
export function createRouter<E extends Env = AppEnv>(): OpenAPIHono<E> {
  return new OpenAPIHono<E>({
    defaultHook: (result) => {
      if (result.success) return;
      throw new ValidationError(
        result.error.issues.map((issue) => ({
          path: issue.path.map(String).join("."),
          message: issue.message,
        })),
      );
    },
  });
}
