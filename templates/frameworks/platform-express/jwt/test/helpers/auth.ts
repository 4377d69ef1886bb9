import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import request, { type Agent } from "supertest";
import type { Database } from "../../src/db/client.js";
import { users } from "../../src/modules/users/users.table.js";

/** Whatever supertest can drive: the app's HTTP server. */
type App = Parameters<typeof request>[0];

export const password = "correct horse battery staple";

export interface SignedUp {
  user: { id: string; email: string; role: string };
  accessToken: string;
  refreshToken: string;
}

/** Registers a new user with a unique email through the API. */
export async function signUp(server: App): Promise<SignedUp> {
  const res = await request(server)
    .post("/api/v1/auth/register")
    .send({ email: `user-${randomUUID()}@example.com`, password })
    .expect(201);
  return res.body;
}

/**
 * Registers a user and promotes them to admin. Their access token needs no renewal: the API
 * reads the role from the database on every request.
 */
export async function signUpAdmin(server: App, db: Database): Promise<SignedUp> {
  const signedUp = await signUp(server);
  await db.update(users).set({ role: "admin" }).where(eq(users.id, signedUp.user.id));
  return { ...signedUp, user: { ...signedUp.user, role: "admin" } };
}

/** A client that sends a new user's access token with every request. */
export async function signedInClient(server: App): Promise<Agent> {
  const { accessToken } = await signUp(server);
  return request.agent(server).set("Authorization", `Bearer ${accessToken}`);
}
