import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import request, { type Agent } from "supertest";
import type { Database } from "../../src/db/client.js";
import { users } from "../../src/modules/users/users.table.js";
import { testConfig } from "./config.js";

/** Whatever supertest can drive: the app's HTTP server. */
type App = Parameters<typeof request>[0];

export const password = "correct horse battery staple";

/** Better Auth refuses cookie-carrying requests from other origins (CSRF), so clients send this. */
export const origin = testConfig().BETTER_AUTH_URL;

export interface SignedUp {
  user: { id: string; email: string; role: string };
  /** Sends the new user's session cookie with every request. */
  client: Agent;
}

/** Registers a new user with a unique email through the API, signed in by the agent's cookie. */
export async function signUp(server: App): Promise<SignedUp> {
  const client = request.agent(server).set("Origin", origin);
  const res = await client
    .post("/api/v1/auth/sign-up/email")
    .send({ name: "Test User", email: `user-${randomUUID()}@example.com`, password })
    .expect(200);
  return { user: res.body.user, client };
}

/** Registers a user and makes them an admin; the session sees the new role at once. */
export async function signUpAdmin(server: App, db: Database): Promise<SignedUp> {
  const signedUp = await signUp(server);
  await db.update(users).set({ role: "admin" }).where(eq(users.id, signedUp.user.id));
  return signedUp;
}

/** A client signed in as a new user. */
export async function signedInClient(server: App): Promise<Agent> {
  return (await signUp(server)).client;
}
