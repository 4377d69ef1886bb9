import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseConnection } from "../../../src/db/client.js";
import { type Auth, createAuth } from "../../../src/modules/auth/auth.js";
import { authResponse } from "../../../src/modules/auth/auth-response.js";
import { testConfig } from "../../helpers/config.js";
import { createTestDatabase } from "../../helpers/database.js";

const config = testConfig();
const origin = new URL(config.BETTER_AUTH_URL).origin;
const logger = { debug() {}, info() {}, warn() {}, error() {} };

let database: DatabaseConnection;
let auth: Auth;

beforeAll(async () => {
  database = await createTestDatabase();
  auth = createAuth({ config, db: database.db, mailer: { send: async () => {} }, logger });
});

afterAll(() => database.close());

/** Better Auth's answer to a JSON POST, as the HTTP layer hands it over. */
function post(path: string, body: object, cookie?: string) {
  const headers = new Headers({ "content-type": "application/json", origin });
  if (cookie) headers.set("cookie", cookie);
  const request = new Request(`${origin}/api/v1/auth${path}`, {
    method: "POST",
    headers,
    body: JSON.stringify(body),
  });
  return authResponse(auth, request, "test-request");
}

describe("a user's name and image", () => {
  const password = "correct horse battery staple";

  it("refuse text the database cannot keep as sent, with a 400 problem naming the field", async () => {
    const signUp = await post("/sign-up/email", {
      email: `nul-${crypto.randomUUID()}@example.com`,
      password,
      name: "Ada\u0000Lovelace",
    });
    expect(signUp.status).toBe(400);
    expect(await signUp.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      errors: [{ path: "name", message: expect.stringMatching(/NUL/) }],
    });

    const signedUp = await post("/sign-up/email", {
      email: `ada-${crypto.randomUUID()}@example.com`,
      password,
      name: "Ada",
    });
    expect(signedUp.status).toBe(200);
    const cookie = signedUp.headers
      .getSetCookie()
      .map((value) => value.split(";")[0])
      .join("; ");
    for (const changes of [{ name: "Ada\u0000" }, { image: "https://example.com/\ud800" }]) {
      const updated = await post("/update-user", changes, cookie);
      expect(updated.status).toBe(400);
      const [field] = Object.keys(changes);
      expect(await updated.json()).toMatchObject({ errors: [{ path: field }] });
    }
    expect((await post("/update-user", { name: "Ada L." }, cookie)).status).toBe(200);
  });
});
