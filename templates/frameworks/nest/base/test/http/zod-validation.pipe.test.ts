import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ValidationError } from "../../src/core/errors.js";
import { ZodValidationPipe } from "../../src/http/zod-validation.pipe.js";

const pipe = new ZodValidationPipe(
  z.object({ name: z.string().min(1), tags: z.array(z.string()) }),
);

describe("ZodValidationPipe", () => {
  it("returns the parsed value", () => {
    expect(pipe.transform({ name: "a", tags: [], extra: 1 })).toEqual({ name: "a", tags: [] });
  });

  it("throws a ValidationError listing every invalid field by path", () => {
    const error = (() => {
      try {
        pipe.transform({ name: "", tags: [1] });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((field) => field.path)).toEqual([
      "name",
      "tags.0",
    ]);
  });
});
