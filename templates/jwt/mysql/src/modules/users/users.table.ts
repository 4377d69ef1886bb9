import { randomUUID } from "node:crypto";
import { index, mysqlEnum, mysqlTable, varchar } from "drizzle-orm/mysql-core";
import { utcDatetime, utcNow, uuid } from "../../db/columns.js";

export const users = mysqlTable(
  "users",
  {
    id: uuid("id")
      .primaryKey()
      .$defaultFn(() => randomUUID()),
    email: varchar("email", { length: 254 }).notNull().unique(),
    passwordHash: varchar("password_hash", { length: 255 }).notNull(),
    role: mysqlEnum("role", ["user", "admin"]).notNull().default("user"),
    createdAt: utcDatetime("created_at").notNull().default(utcNow),
    updatedAt: utcDatetime("updated_at").notNull().default(utcNow),
  },
  // The order GET /api/v1/users pages through.
  (table) => [index("users_created_at_id_idx").on(table.createdAt, table.id)],
);

/** The role column: its `enumValues` are the roles. */
export const userRole = users.role;
