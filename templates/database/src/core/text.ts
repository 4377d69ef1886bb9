import { z } from "zod";

/**
 * Text the database can store: PostgreSQL refuses NUL characters in text, and an unpaired
 * surrogate (JSON allows `"\ud800"`) has no UTF-8 form. Refusing both here turns what would be a
 * failed query into a validation error.
 */
export const storedText = z
  .string()
  .refine((value) => !value.includes("\0") && !/\p{Cs}/u.test(value), {
    message: "Must not contain NUL characters or unpaired surrogates",
  });
