import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseConnection } from "../../../src/db/client.js";
import { RefreshTokensRepository } from "../../../src/modules/auth/refresh-tokens.repository.js";
import { UsersRepository } from "../../../src/modules/users/users.repository.js";
import { createTestDatabase } from "../../helpers/database.js";

let database: DatabaseConnection;
let tokens: RefreshTokensRepository;
let userId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  tokens = new RefreshTokensRepository(database.db);
  userId = (await new UsersRepository(database.db).create("ada@example.com", "hash")).id;
});

afterAll(() => database.close());

describe("RefreshTokensRepository.consume", () => {
  it("lets exactly one of many concurrent uses of a token have it", async () => {
    const tokenHash = randomUUID().replaceAll("-", "");
    const expiresAt = new Date(Date.now() + 60_000);
    await tokens.create({ userId, familyId: randomUUID(), tokenHash, expiresAt });

    const uses = await Promise.all(Array.from({ length: 50 }, () => tokens.consume(tokenHash)));

    const winners = uses.filter((token) => token !== undefined);
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({ userId, tokenHash, expiresAt });
    expect(winners[0]?.revokedAt).toBeInstanceOf(Date);
  });

  it("has nothing for an unknown token", async () => {
    expect(await tokens.consume("0".repeat(64))).toBeUndefined();
  });
});
