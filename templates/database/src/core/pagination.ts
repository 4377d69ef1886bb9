import { z } from "zod";
import { storedDate } from "./dates.js";

export interface Cursor {
  createdAt: Date;
  id: string;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

// A cursor comes back from the client: its date must be one the database can compare.
const cursorSchema = z.tuple([storedDate, z.uuid()]);

function encodeCursor({ createdAt, id }: Cursor): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString("base64url");
}

function decodeCursor(cursor: string): Cursor | undefined {
  try {
    const json: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString());
    const [createdAt, id] = cursorSchema.parse(json);
    return { createdAt: new Date(createdAt), id };
  } catch {
    return undefined;
  }
}

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z
    .string()
    .optional()
    .transform((cursor, ctx) => {
      if (cursor === undefined) return undefined;
      const decoded = decodeCursor(cursor);
      if (!decoded) ctx.addIssue({ code: "custom", message: "Invalid cursor" });
      return decoded;
    })
    .meta({ description: "The `nextCursor` of the previous page" }),
});

export type PageQuery = z.output<typeof pageQuerySchema>;

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

/** Builds a page from rows fetched with `limit + 1`, the extra row telling whether more exist. */
export function toPage<T extends Cursor>(rows: T[], limit: number): Page<T> {
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  return { data, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
