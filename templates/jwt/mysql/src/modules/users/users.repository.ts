import { asc, eq } from "drizzle-orm";
import type { PageQuery } from "../../core/pagination.js";
import type { Database } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import { afterCursor } from "../../db/pagination.js";
import { EmailTakenError } from "../auth/auth.errors.js";
import { users } from "./users.table.js";

const publicColumns = {
  id: users.id,
  email: users.email,
  role: users.role,
  createdAt: users.createdAt,
};

export type User = typeof users.$inferSelect;
export type PublicUser = Pick<User, keyof typeof publicColumns>;

export function toPublicUser({ id, email, role, createdAt }: PublicUser): PublicUser {
  return { id, email, role, createdAt };
}

export class UsersRepository {
  constructor(private readonly db: Database) {}

  async create(email: string, passwordHash: string): Promise<User> {
    try {
      const [{ id }] = await this.db.insert(users).values({ email, passwordHash }).$returningId();
      const [user] = await this.db.select().from(users).where(eq(users.id, id));
      return user;
    } catch (error) {
      if (isUniqueViolation(error)) throw new EmailTakenError();
      throw error;
    }
  }

  async findByEmail(email: string): Promise<User | undefined> {
    const [user] = await this.db.select().from(users).where(eq(users.email, email));
    return user;
  }

  async findById(id: string): Promise<PublicUser | undefined> {
    const [user] = await this.db.select(publicColumns).from(users).where(eq(users.id, id));
    return user;
  }

  /** Fetches one row more than `limit`, so the caller can tell whether another page exists. */
  list({ limit, cursor }: PageQuery): Promise<PublicUser[]> {
    return this.db
      .select(publicColumns)
      .from(users)
      .where(afterCursor(users.createdAt, users.id, cursor))
      .orderBy(asc(users.createdAt), asc(users.id))
      .limit(limit + 1);
  }
}
