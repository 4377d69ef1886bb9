import { randomUUID } from "node:crypto";
import { boolean, index, mysqlEnum, mysqlTable, text, varchar } from "drizzle-orm/mysql-core";
import { utcDatetime, utcNow, uuid } from "../../db/columns.js";

// Property names are Better Auth's field names: its Drizzle adapter reads and writes by them.
export const users = mysqlTable(
  "users",
  {
    id: uuid("id")
      .primaryKey()
      .$defaultFn(() => randomUUID()),
    name: text("name").notNull(),
    email: varchar("email", { length: 254 }).notNull().unique(),
    emailVerified: boolean("email_verified").notNull().default(false),
    image: text("image"),
    role: mysqlEnum("role", ["user", "admin"]).notNull().default("user"),
    twoFactorEnabled: boolean("two_factor_enabled").notNull().default(false),
    createdAt: utcDatetime("created_at").notNull().default(utcNow),
    updatedAt: utcDatetime("updated_at").notNull().default(utcNow),
  },
  // The order GET /api/v1/users pages through.
  (table) => [index("users_created_at_id_idx").on(table.createdAt, table.id)],
);

/** The role column: its `enumValues` are the roles. */
export const userRole = users.role;
