import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { refreshTokens } from "./refresh-tokens.table.js";

export type RefreshToken = typeof refreshTokens.$inferSelect;
type NewRefreshToken = Pick<RefreshToken, "userId" | "familyId" | "tokenHash" | "expiresAt">;

export class RefreshTokensRepository {
  constructor(private readonly db: Database) {}

  async create(token: NewRefreshToken): Promise<void> {
    await this.db.insert(refreshTokens).values(token);
  }

  /**
   * Revokes a live token and returns it; one statement, so two concurrent refreshes with the same
   * token cannot both succeed (only one of them changes the row). Returns undefined for unknown
   * or already revoked tokens.
   */
  async consume(tokenHash: string): Promise<RefreshToken | undefined> {
    const [result] = await this.db
      .update(refreshTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(refreshTokens.tokenHash, tokenHash), isNull(refreshTokens.revokedAt)));
    return result.affectedRows > 0 ? this.findByHash(tokenHash) : undefined;
  }

  async findByHash(tokenHash: string): Promise<RefreshToken | undefined> {
    const [token] = await this.db
      .select()
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, tokenHash));
    return token;
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.db
      .update(refreshTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
  }
}
