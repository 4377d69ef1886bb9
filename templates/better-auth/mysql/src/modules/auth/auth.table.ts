import { randomUUID } from "node:crypto";
import { boolean, index, int, mysqlTable, text, varchar } from "drizzle-orm/mysql-core";
import { utcDatetime, utcNow, uuid } from "../../db/columns.js";
import { users } from "../users/users.table.js";

const id = () =>
  uuid("id")
    .primaryKey()
    .$defaultFn(() => randomUUID());

const userId = () =>
  uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" });

const timestamps = {
  createdAt: utcDatetime("created_at").notNull().default(utcNow),
  updatedAt: utcDatetime("updated_at").notNull().default(utcNow),
};

export const sessions = mysqlTable(
  "sessions",
  {
    id: id(),
    userId: userId(),
    token: varchar("token", { length: 255 }).notNull().unique(),
    expiresAt: utcDatetime("expires_at").notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    ...timestamps,
  },
  (table) => [index("sessions_user_id_idx").on(table.userId)],
);

/** Ways to sign in: the password hash (provider `credential`) and linked OAuth accounts. */
export const accounts = mysqlTable(
  "accounts",
  {
    id: id(),
    userId: userId(),
    accountId: varchar("account_id", { length: 255 }).notNull(),
    providerId: varchar("provider_id", { length: 255 }).notNull(),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: utcDatetime("access_token_expires_at"),
    refreshTokenExpiresAt: utcDatetime("refresh_token_expires_at"),
    scope: text("scope"),
    password: text("password"),
    ...timestamps,
  },
  (table) => [
    index("accounts_user_id_idx").on(table.userId),
    index("accounts_provider_id_account_id_idx").on(table.providerId, table.accountId),
  ],
);

/** Email verification and password reset tokens, and OAuth state. */
export const verifications = mysqlTable(
  "verifications",
  {
    id: id(),
    identifier: varchar("identifier", { length: 255 }).notNull(),
    value: text("value").notNull(),
    expiresAt: utcDatetime("expires_at").notNull(),
    ...timestamps,
  },
  (table) => [index("verifications_identifier_idx").on(table.identifier)],
);

export const twoFactors = mysqlTable(
  "two_factors",
  {
    id: id(),
    userId: userId(),
    secret: text("secret").notNull(),
    backupCodes: text("backup_codes").notNull(),
    verified: boolean("verified").notNull().default(true),
    failedVerificationCount: int("failed_verification_count").notNull().default(0),
    lockedUntil: utcDatetime("locked_until"),
  },
  (table) => [index("two_factors_user_id_idx").on(table.userId)],
);
