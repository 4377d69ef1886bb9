import type { PipeTransform } from "@nestjs/common";
import type { z } from "zod";
import { ValidationError } from "../core/errors.js";

/**
 * Validates a route argument with a zod schema, e.g. `@Body(new ZodValidationPipe(schema))`,
 * and hands the parsed value to the handler; an invalid one is a 400 listing every field.
 */
export class ZodValidationPipe<T extends z.ZodType> implements PipeTransform<unknown, z.output<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.output<T> {
    const result = this.schema.safeParse(value);
    if (!result.success) {
      throw new ValidationError(
        result.error.issues.map((issue) => ({
          path: issue.path.join("."),
          message: issue.message,
        })),
      );
    }
    return result.data;
  }
}
