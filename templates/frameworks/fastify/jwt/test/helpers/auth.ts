import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import type { Database } from "../../src/db/client.js";
import { users } from "../../src/modules/users/users.table.js";

export const password = "correct horse battery staple";

export interface SignedUp {
  user: { id: string; email: string; role: string };
  accessToken: string;
  refreshToken: string;
}

/** Sends a request to the app in-process. */
export type Client = (options: InjectOptions) => Promise<LightMyRequestResponse>;

/** Registers a new user with a unique email through the API. */
export async function signUp(app: FastifyInstance): Promise<SignedUp> {
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/auth/register",
    payload: { email: `user-${randomUUID()}@example.com`, password },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/**
 * Registers a user and promotes them to admin. Their access token needs no renewal: the API
 * reads the role from the database on every request.
 */
export async function signUpAdmin(app: FastifyInstance, db: Database): Promise<SignedUp> {
  const signedUp = await signUp(app);
  await db.update(users).set({ role: "admin" }).where(eq(users.id, signedUp.user.id));
  return { ...signedUp, user: { ...signedUp.user, role: "admin" } };
}

/** A client that sends a new user's access token with every request. */
export async function signedInClient(app: FastifyInstance): Promise<Client> {
  const { accessToken } = await signUp(app);
  return (options) =>
    app.inject({
      ...options,
      headers: { ...options.headers, authorization: `Bearer ${accessToken}` },
    });
}
