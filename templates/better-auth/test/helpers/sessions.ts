import { eq } from "drizzle-orm";
import type { Database } from "../../src/db/client.js";
import { sessions } from "../../src/modules/auth/auth.table.js";

export const DAY = 24 * 60 * 60 * 1000;

/** Moves a user's sessions in time: they now expire at `expiresAt`, as if signed in earlier. */
export async function setSessionExpiry(db: Database, userId: string, expiresAt: Date) {
  await db.update(sessions).set({ expiresAt }).where(eq(sessions.userId, userId));
}

/** When the user's (one) session expires, as the database has it. */
export async function sessionExpiry(db: Database, userId: string): Promise<Date | undefined> {
  const [session] = await db
    .select({ expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(eq(sessions.userId, userId));
  return session?.expiresAt;
}
