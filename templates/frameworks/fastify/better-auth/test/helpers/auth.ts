import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import type { Database } from "../../src/db/client.js";
import { users } from "../../src/modules/users/users.table.js";
import { testConfig } from "./config.js";

export const password = "correct horse battery staple";

/** Better Auth refuses cookie-carrying requests from other origins (CSRF), so clients send this. */
export const origin = testConfig().BETTER_AUTH_URL;

/** Sends a request to the app in-process. */
export type Client = (options: InjectOptions) => Promise<LightMyRequestResponse>;

/** Sends requests to the app as a browser would: with the cookies it was given, and `Origin`. */
export function browser(app: FastifyInstance): Client {
  const cookies: Record<string, string> = {};
  return async (options) => {
    const res = await app.inject({
      ...options,
      headers: { origin, ...options.headers },
      cookies: { ...cookies, ...options.cookies },
    });
    for (const { name, value, maxAge } of res.cookies) {
      if (value === "" || maxAge === 0) delete cookies[name];
      else cookies[name] = value;
    }
    return res;
  };
}

export interface SignedUp {
  user: { id: string; email: string; role: string };
  /** Sends the new user's session cookie with every request. */
  client: Client;
}

/** Registers a new user with a unique email through the API, signed in by the client's cookie. */
export async function signUp(app: FastifyInstance): Promise<SignedUp> {
  const client = browser(app);
  const res = await client({
    method: "POST",
    url: "/api/v1/auth/sign-up/email",
    payload: { name: "Test User", email: `user-${randomUUID()}@example.com`, password },
  });
  expect(res.statusCode, res.body).toBe(200);
  return { user: res.json().user, client };
}

/** Registers a user and makes them an admin; the session sees the new role at once. */
export async function signUpAdmin(app: FastifyInstance, db: Database): Promise<SignedUp> {
  const signedUp = await signUp(app);
  await db.update(users).set({ role: "admin" }).where(eq(users.id, signedUp.user.id));
  return signedUp;
}

/** A client signed in as a new user. */
export async function signedInClient(app: FastifyInstance): Promise<Client> {
  return (await signUp(app)).client;
}

/** Asserts a problem answer with this status and code. */
export function expectProblem(res: LightMyRequestResponse, status: number, code: string): void {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({ status, code, requestId: res.headers["x-request-id"] });
}
