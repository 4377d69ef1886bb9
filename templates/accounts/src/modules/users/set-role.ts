import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import type { Role } from "./user.schemas.js";
import { users } from "./users.table.js";

/** Gives the user with this email a role; false when no such user exists. */
export async function setRole(db: Database, email: string, role: Role): Promise<boolean> {
  const updated = await db
    .update(users)
    .set({ role, updatedAt: new Date() })
    .where(eq(users.email, email.toLowerCase()))
    .returning({ id: users.id });
  return updated.length > 0;
}
