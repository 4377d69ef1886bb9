import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseConnection } from "../../../src/db/client.js";
import { setRole } from "../../../src/modules/users/set-role.js";
import { users } from "../../../src/modules/users/users.table.js";
import { createTestDatabase } from "../../helpers/database.js";

let database: DatabaseConnection;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.insert(users).values({ email: "ada@example.com", passwordHash: "unused" });
});

afterAll(() => database.close());

const roleOf = async (email: string) => {
  const [user] = await database.db.select().from(users).where(eq(users.email, email));
  return user?.role;
};

describe("setRole", () => {
  it("gives the user with that email the role, whatever the email's case", async () => {
    expect(await setRole(database.db, "Ada@Example.com", "admin")).toBe(true);
    expect(await roleOf("ada@example.com")).toBe("admin");
    expect(await setRole(database.db, "ada@example.com", "user")).toBe(true);
    expect(await roleOf("ada@example.com")).toBe("user");
  });

  it("reports an unknown email and changes nothing", async () => {
    expect(await setRole(database.db, "nobody@example.com", "admin")).toBe(false);
    expect(await roleOf("ada@example.com")).toBe("user");
  });
});
