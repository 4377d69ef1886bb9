import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ValidationError } from "../../src/core/errors.js";
import { parseInput } from "../../src/core/validation.js";

const schema = z.object({ name: z.string().min(1), tags: z.array(z.string()) });

describe("parseInput", () => {
  it("returns the parsed value", () => {
    expect(parseInput(schema, { name: "a", tags: [] })).toEqual({ name: "a", tags: [] });
  });

  it("throws a ValidationError listing every invalid field by path", () => {
    const error = (() => {
      try {
        parseInput(schema, { name: "", tags: [1] });
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
