import { index, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { timestamptz } from "../../db/columns.js";

export const userRole = pgEnum("user_role", ["user", "admin"]);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull().unique(),
    passwordHash: text("password_hash").notNull(),
    role: userRole("role").notNull().default("user"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  // The order GET /api/v1/users pages through.
  (table) => [index("users_created_at_id_idx").on(table.createdAt, table.id)],
);
