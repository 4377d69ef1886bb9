import { boolean, index, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { timestamptz } from "../../db/columns.js";

export const userRole = pgEnum("user_role", ["user", "admin"]);

// Property names are Better Auth's field names: its Drizzle adapter reads and writes by them.
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    email: text("email").notNull().unique(),
    emailVerified: boolean("email_verified").notNull().default(false),
    image: text("image"),
    role: userRole("role").notNull().default("user"),
    twoFactorEnabled: boolean("two_factor_enabled").notNull().default(false),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  // The order GET /api/v1/users pages through.
  (table) => [index("users_created_at_id_idx").on(table.createdAt, table.id)],
);
