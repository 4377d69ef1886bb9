import { StandardSchemaValidationPipe } from "@nestjs/common";
import { ValidationError } from "../core/errors.js";

/**
 * Validates every argument declared with a zod schema, e.g. `@Body({ schema: createTodoSchema })`,
 * and hands the parsed value to the handler; an invalid one is a 400 problem listing each field.
 */
export const validationPipe = new StandardSchemaValidationPipe({
  exceptionFactory: (issues) =>
    new ValidationError(
      issues.map((issue) => ({
        path: (issue.path ?? [])
          .map((segment) => String(typeof segment === "object" ? segment.key : segment))
          .join("."),
        message: issue.message,
      })),
    ),
});
