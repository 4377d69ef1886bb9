import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Database } from "../../src/db/client.js";
import { users } from "../../src/modules/users/users.table.js";
import { type App, bodyOf, type Client, clientFor, send } from "./http.js";

export const password = "correct horse battery staple";

export interface SignedUp {
  user: { id: string; email: string; role: string };
  accessToken: string;
  refreshToken: string;
}

/** Registers a new user with a unique email through the API. */
export async function signUp(app: App): Promise<SignedUp> {
  const res = await send(app, "POST", "/api/v1/auth/register", {
    body: { email: `user-${randomUUID()}@example.com`, password },
  });
  expect(res.status).toBe(201);
  return bodyOf<SignedUp>(res);
}

/**
 * Registers a user and promotes them to admin. Their access token needs no renewal: the API
 * reads the role from the database on every request.
 */
export async function signUpAdmin(app: App, db: Database): Promise<SignedUp> {
  const signedUp = await signUp(app);
  await db.update(users).set({ role: "admin" }).where(eq(users.id, signedUp.user.id));
  return { ...signedUp, user: { ...signedUp.user, role: "admin" } };
}

/** A client that sends a new user's access token with every request. */
export async function signedInClient(app: App): Promise<Client> {
  const { accessToken } = await signUp(app);
  return clientFor(app, accessToken);
}
