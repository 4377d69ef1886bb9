import { randomUUID } from "node:crypto";
import { index, mysqlTable, varchar } from "drizzle-orm/mysql-core";
import { utcDatetime, utcNow, uuid } from "../../db/columns.js";
import { users } from "../users/users.table.js";

export const refreshTokens = mysqlTable(
  "refresh_tokens",
  {
    id: uuid("id")
      .primaryKey()
      .$defaultFn(() => randomUUID()),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    familyId: uuid("family_id").notNull(),
    tokenHash: varchar("token_hash", { length: 64 }).notNull().unique(),
    expiresAt: utcDatetime("expires_at").notNull(),
    revokedAt: utcDatetime("revoked_at"),
    createdAt: utcDatetime("created_at").notNull().default(utcNow),
  },
  (table) => [
    index("refresh_tokens_family_id_idx").on(table.familyId),
    index("refresh_tokens_user_id_idx").on(table.userId),
  ],
);
