import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Problem } from "../../src/core/problem.js";
import type { Database } from "../../src/db/client.js";
import { users } from "../../src/modules/users/users.table.js";
import { testConfig } from "./config.js";
import { type App, bodyOf, send } from "./http.js";

export const password = "correct horse battery staple";

/** Better Auth refuses cookie-carrying requests from other origins (CSRF), so clients send this. */
export const origin = testConfig().BETTER_AUTH_URL;

/** Sends requests to one app as a browser would: with the cookies it was given, and `Origin`. */
export type Browser = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<Response>;

export function browser(app: App): Browser {
  const cookies = new Map<string, string>();
  return async (method, path, body, headers = {}) => {
    const cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const res = await send(app, method, path, {
      body,
      headers: { Origin: origin, ...(cookie && { Cookie: cookie }), ...headers },
    });
    for (const setCookie of res.headers.getSetCookie()) {
      const [pair = "", ...attributes] = setCookie.split(";");
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(name.length + 1);
      const expired = attributes.some((attribute) => /^\s*max-age=0$/i.test(attribute));
      if (value === "" || expired) cookies.delete(name);
      else cookies.set(name, value);
    }
    return res;
  };
}

export interface SignedUp {
  user: { id: string; email: string; role: string };
  /** Sends the new user's session cookie with every request. */
  client: Browser;
}

/** Registers a new user with a unique email through the API, signed in by the client's cookie. */
export async function signUp(app: App): Promise<SignedUp> {
  const client = browser(app);
  const res = await client("POST", "/api/v1/auth/sign-up/email", {
    name: "Test User",
    email: `user-${randomUUID()}@example.com`,
    password,
  });
  expect(res.status).toBe(200);
  const { user } = await bodyOf<Pick<SignedUp, "user">>(res);
  return { user, client };
}

/** Registers a user and makes them an admin; the session sees the new role at once. */
export async function signUpAdmin(app: App, db: Database): Promise<SignedUp> {
  const signedUp = await signUp(app);
  await db.update(users).set({ role: "admin" }).where(eq(users.id, signedUp.user.id));
  return signedUp;
}

/** A client signed in as a new user. */
export async function signedInClient(app: App): Promise<Browser> {
  return (await signUp(app)).client;
}

/** Asserts a problem answer with this status and code, and returns it. */
export async function expectProblem(res: Response, status: number, code: string): Promise<Problem> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const problem = await bodyOf<Problem>(res);
  expect(problem).toMatchObject({ status, code, requestId: res.headers.get("x-request-id") });
  return problem;
}
