import { jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import type { Config } from "../../config/env.js";
import type { Role } from "../users/user.schemas.js";
import { UnauthorizedError } from "./auth.errors.js";

export interface AuthUser {
  id: string;
  role: Role;
}

/** Where `verify` looks up the user a token was issued to (the users repository). */
export interface TokenUsers {
  findById(id: string): Promise<AuthUser | undefined>;
}

type TokenConfig = Pick<Config, "JWT_SECRET" | "JWT_ISSUER" | "JWT_AUDIENCE" | "ACCESS_TOKEN_TTL">;

const claimsSchema = z.object({ sub: z.uuid() });

const invalidToken = () =>
  new UnauthorizedError(
    "INVALID_TOKEN",
    "The access token is invalid or expired.",
    'Bearer error="invalid_token"',
  );

/** Short-lived HS256 access tokens; verification pins the algorithm, issuer and audience. */
export class AccessTokens {
  private readonly key: Uint8Array;

  constructor(
    private readonly config: TokenConfig,
    private readonly users: TokenUsers,
  ) {
    this.key = new TextEncoder().encode(config.JWT_SECRET);
  }

  sign(user: AuthUser): Promise<string> {
    return new SignJWT({ role: user.role })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(user.id)
      .setIssuer(this.config.JWT_ISSUER)
      .setAudience(this.config.JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.config.ACCESS_TOKEN_TTL}s`)
      .sign(this.key);
  }

  /**
   * The user a valid token was issued to, as stored now: the token of a user who no longer
   * exists is refused like an invalid one, and a changed role applies at once.
   */
  async verify(token: string): Promise<AuthUser> {
    const user = await this.users.findById(await this.subject(token));
    if (!user) throw invalidToken();
    return { id: user.id, role: user.role };
  }

  private async subject(token: string): Promise<string> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ["HS256"],
        issuer: this.config.JWT_ISSUER,
        audience: this.config.JWT_AUDIENCE,
        requiredClaims: ["exp"],
      });
      return claimsSchema.parse(payload).sub;
    } catch {
      throw invalidToken();
    }
  }
}
