import { type AnyColumn, and, eq, gt, or, type SQL } from "drizzle-orm";
import type { Cursor } from "../core/pagination.js";

/** Matches the rows that come after `cursor` in (createdAt, id) order. */
export function afterCursor(
  createdAt: AnyColumn,
  id: AnyColumn,
  cursor: Cursor | undefined,
): SQL | undefined {
  if (!cursor) return undefined;
  return or(
    gt(createdAt, cursor.createdAt),
    and(eq(createdAt, cursor.createdAt), gt(id, cursor.id)),
  );
}
