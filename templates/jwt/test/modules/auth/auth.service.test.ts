import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { decodeJwt, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseConnection } from "../../../src/db/client.js";
import { AccessTokens, type AuthUser } from "../../../src/modules/auth/access-tokens.js";
import { EmailTakenError, UnauthorizedError } from "../../../src/modules/auth/auth.errors.js";
import { AuthService } from "../../../src/modules/auth/auth.service.js";
import { RefreshTokensRepository } from "../../../src/modules/auth/refresh-tokens.repository.js";
import { refreshTokens } from "../../../src/modules/auth/refresh-tokens.table.js";
import { UsersRepository } from "../../../src/modules/users/users.repository.js";
import { users as usersTable } from "../../../src/modules/users/users.table.js";
import { testConfig } from "../../helpers/config.js";
import { createTestDatabase } from "../../helpers/database.js";

const config = testConfig();
const credentials = { email: "ada@example.com", password: "correct horse battery staple" };

let database: DatabaseConnection;
let auth: AuthService;
let accessTokens: AccessTokens;
let users: UsersRepository;
let tokens: RefreshTokensRepository;

beforeAll(async () => {
  database = await createTestDatabase();
  users = new UsersRepository(database.db);
  tokens = new RefreshTokensRepository(database.db);
  accessTokens = new AccessTokens(config, users);
  auth = new AuthService(database.db, users, tokens, accessTokens, config);
  await auth.register(credentials);
});

afterAll(() => database.close());

describe("AuthService", () => {
  it("registers a user without exposing the password hash", async () => {
    const session = await auth.register({ ...credentials, email: "grace@example.com" });
    expect(Object.keys(session.user).sort()).toEqual(["createdAt", "email", "id", "role"]);
    expect(session.user.role).toBe("user");
    await expect(accessTokens.verify(session.accessToken)).resolves.toEqual({
      id: session.user.id,
      role: "user",
    });
  });

  it("refuses a second account with the same email", async () => {
    await expect(auth.register(credentials)).rejects.toBeInstanceOf(EmailTakenError);
  });

  it("leaves no account behind when its refresh token cannot be stored, so a retry succeeds", async () => {
    const newcomer = { ...credentials, email: "katherine@example.com" };
    vi.spyOn(tokens, "create").mockRejectedValueOnce(new Error("connection lost"));

    await expect(auth.register(newcomer)).rejects.toThrow("connection lost");
    expect(await users.findByEmail(newcomer.email)).toBeUndefined();
    const retried = await auth.register(newcomer);
    expect(retried.user.email).toBe(newcomer.email);
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    await expect(auth.login({ ...credentials, email: "nobody@example.com" })).rejects.toMatchObject(
      {
        code: "INVALID_CREDENTIALS",
      },
    );
    await expect(auth.login({ ...credentials, password: "wrong password!" })).rejects.toMatchObject(
      {
        code: "INVALID_CREDENTIALS",
      },
    );
  });

  it("rotates refresh tokens and revokes the family when a spent one is reused", async () => {
    const { refreshToken: first } = await auth.login(credentials);
    const { refreshToken: second } = await auth.refresh(first);
    expect(second).not.toBe(first);

    await expect(auth.refresh(first)).rejects.toBeInstanceOf(UnauthorizedError);
    // The reuse revoked the whole family, including the token that was still live.
    await expect(auth.refresh(second)).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it("keeps the refresh token live when the database fails during the refresh", async () => {
    const { refreshToken } = await auth.login(credentials);
    const lookup = vi.spyOn(users, "findById").mockRejectedValueOnce(new Error("connection lost"));

    await expect(auth.refresh(refreshToken)).rejects.toThrow("connection lost");
    lookup.mockRestore();

    // The client's retry (the failure was a 503) is not taken for a reuse.
    await expect(auth.refresh(refreshToken)).resolves.toHaveProperty("refreshToken");
  });

  it("lets one of two concurrent refreshes with the same token through", async () => {
    const { refreshToken } = await auth.login(credentials);

    const results = await Promise.allSettled([
      auth.refresh(refreshToken),
      auth.refresh(refreshToken),
    ]);

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  });

  it("revokes the session on logout", async () => {
    const { refreshToken } = await auth.login(credentials);
    await auth.logout(refreshToken);
    await expect(auth.refresh(refreshToken)).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it("deletes the user's expired refresh tokens when it issues new ones", async () => {
    const account = { ...credentials, email: "expiring@example.com" };
    const { user, refreshToken: expired } = await auth.register(account);
    const { refreshToken: live } = await auth.login(account);
    const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");
    await database.db
      .update(refreshTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(refreshTokens.tokenHash, tokenHash(expired)));

    const { refreshToken: next } = await auth.refresh(live);

    const kept = await database.db
      .select({ tokenHash: refreshTokens.tokenHash })
      .from(refreshTokens)
      .where(eq(refreshTokens.userId, user.id));
    expect(kept.map((token) => token.tokenHash).sort()).toEqual(
      [tokenHash(live), tokenHash(next)].sort(),
    );
  });
});

describe("AccessTokens", () => {
  const key = new TextEncoder().encode(config.JWT_SECRET);
  let user: AuthUser;

  beforeAll(async () => {
    const session = await auth.register({ ...credentials, email: "alan@example.com" });
    user = { id: session.user.id, role: session.user.role };
  });

  it("signs the user's id and no role, which could go stale", async () => {
    const claims = decodeJwt(await accessTokens.sign(user));
    expect(claims.sub).toBe(user.id);
    expect(claims).not.toHaveProperty("role");
  });

  it("gives the user as stored now: a new role applies at once", async () => {
    const token = await accessTokens.sign(user);
    await database.db.update(usersTable).set({ role: "admin" }).where(eq(usersTable.id, user.id));
    await expect(accessTokens.verify(token)).resolves.toEqual({ id: user.id, role: "admin" });
    await database.db.update(usersTable).set({ role: "user" }).where(eq(usersTable.id, user.id));
  });

  it("refuses the token of a user who no longer exists", async () => {
    const { user: gone } = await auth.register({ ...credentials, email: "gone@example.com" });
    const token = await accessTokens.sign(gone);
    await database.db.delete(usersTable).where(eq(usersTable.id, gone.id));
    await expect(accessTokens.verify(token)).rejects.toMatchObject({
      status: 401,
      code: "INVALID_TOKEN",
    });
  });

  it("rejects tokens signed with another secret, for another audience, or expired", async () => {
    const otherSecret = new AccessTokens({ ...config, JWT_SECRET: "y".repeat(32) }, users);
    const otherAudience = new AccessTokens({ ...config, JWT_AUDIENCE: "another-api" }, users);
    const expired = await new SignJWT()
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(user.id)
      .setIssuer(config.JWT_ISSUER)
      .setAudience(config.JWT_AUDIENCE)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(key);

    for (const token of [
      await otherSecret.sign(user),
      await otherAudience.sign(user),
      expired,
      "not-a-jwt",
    ]) {
      await expect(accessTokens.verify(token)).rejects.toBeInstanceOf(UnauthorizedError);
    }
  });

  it("rejects unsigned tokens", async () => {
    const header = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    const claims = {
      sub: user.id,
      role: "admin",
      iss: config.JWT_ISSUER,
      aud: config.JWT_AUDIENCE,
      exp: Math.floor(Date.now() / 1000) + 60,
    };
    const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
    await expect(accessTokens.verify(`${header}.${payload}.`)).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
  });
});
