import { Inject, Injectable } from "@nestjs/common";
import { jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import type { Config } from "../../config/env.js";
import { CONFIG } from "../../dependencies.module.js";
import { type Role, roleSchema } from "../users/user.schemas.js";
import { UnauthorizedError } from "./auth.errors.js";

export interface AuthUser {
  id: string;
  role: Role;
}

type TokenConfig = Pick<Config, "JWT_SECRET" | "JWT_ISSUER" | "JWT_AUDIENCE" | "ACCESS_TOKEN_TTL">;

const claimsSchema = z.object({ sub: z.uuid(), role: roleSchema });

/** Short-lived HS256 access tokens; verification pins the algorithm, issuer and audience. */
@Injectable()
export class AccessTokens {
  private readonly key: Uint8Array;

  constructor(@Inject(CONFIG) private readonly config: TokenConfig) {
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

  async verify(token: string): Promise<AuthUser> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ["HS256"],
        issuer: this.config.JWT_ISSUER,
        audience: this.config.JWT_AUDIENCE,
        requiredClaims: ["exp"],
      });
      const { sub, role } = claimsSchema.parse(payload);
      return { id: sub, role };
    } catch {
      throw new UnauthorizedError(
        "INVALID_TOKEN",
        "The access token is invalid or expired.",
        'Bearer error="invalid_token"',
      );
    }
  }
}
