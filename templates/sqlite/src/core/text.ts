import { z } from "zod";

/**
 * Text the database gives back as it was sent: SQLite stores a NUL character, but its text
 * functions stop at one, and an unpaired surrogate (JSON allows `"\ud800"`) has no UTF-8 form, so
 * it would come back replaced. Refusing both here makes them validation errors.
 */
export const storedText = z
  .string()
  .refine((value) => !value.includes("\0") && !/\p{Cs}/u.test(value), {
    message: "Must not contain NUL characters or unpaired surrogates",
  });
