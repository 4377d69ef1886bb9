import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Config } from "../../config/env.js";
import type { PublicUser, UsersRepository } from "../users/users.repository.js";
import { toPublicUser } from "../users/users.repository.js";
import type { AccessTokens, AuthUser } from "./access-tokens.js";
import { UnauthorizedError } from "./auth.errors.js";
import type { Credentials } from "./auth.schemas.js";
import { hashPassword, verifyNoPassword, verifyPassword } from "./password.js";
import type { RefreshTokensRepository } from "./refresh-tokens.repository.js";

export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

export interface Session extends Tokens {
  user: PublicUser;
}

const invalidCredentials = () =>
  new UnauthorizedError("INVALID_CREDENTIALS", "The email or password is wrong.");
const invalidRefreshToken = () =>
  new UnauthorizedError("INVALID_REFRESH_TOKEN", "The refresh token is invalid or expired.");

type SessionConfig = Pick<Config, "REFRESH_TOKEN_TTL">;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly accessTokens: AccessTokens,
    private readonly config: SessionConfig,
  ) {}

  async register({ email, password }: Credentials): Promise<Session> {
    const user = await this.users.create(email, await hashPassword(password));
    return { user: toPublicUser(user), ...(await this.issueTokens(user)) };
  }

  async login({ email, password }: Credentials): Promise<Session> {
    const user = await this.users.findByEmail(email);
    const valid = user
      ? await verifyPassword(user.passwordHash, password)
      : await verifyNoPassword(password);
    if (!user || !valid) throw invalidCredentials();
    return { user: toPublicUser(user), ...(await this.issueTokens(user)) };
  }

  /** Rotates the refresh token; presenting an already rotated one revokes its whole family. */
  async refresh(refreshToken: string): Promise<Tokens> {
    const tokenHash = sha256(refreshToken);
    const current = await this.refreshTokens.consume(tokenHash);
    if (!current) {
      const reused = await this.refreshTokens.findByHash(tokenHash);
      if (reused) await this.refreshTokens.revokeFamily(reused.familyId);
      throw invalidRefreshToken();
    }
    const user = await this.users.findById(current.userId);
    if (!user || current.expiresAt <= new Date()) throw invalidRefreshToken();
    return this.issueTokens(user, current.familyId);
  }

  async logout(refreshToken: string): Promise<void> {
    const token = await this.refreshTokens.findByHash(sha256(refreshToken));
    if (token) await this.refreshTokens.revokeFamily(token.familyId);
  }

  private async issueTokens(user: AuthUser, familyId: string = randomUUID()): Promise<Tokens> {
    const refreshToken = randomBytes(32).toString("base64url");
    await this.refreshTokens.create({
      userId: user.id,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL * 1000),
    });
    return { accessToken: await this.accessTokens.sign(user), refreshToken };
  }
}
