import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { verifications } from "../../../src/modules/auth/auth.table.js";
import { users } from "../../../src/modules/users/users.table.js";
import { createTestApp, type TestApp } from "../../helpers/app.js";
import { browser, expectProblem, origin, password, signUp } from "../../helpers/auth.js";
import { captureLogs } from "../../helpers/logs.js";
import { linkIn, type SmtpCapture, startSmtpCapture } from "../../helpers/smtp.js";

let smtp: SmtpCapture;
let testApp: TestApp;
const logs = captureLogs();

beforeAll(async () => {
  smtp = await startSmtpCapture();
  testApp = await createTestApp(smtp.env, { logs: logs.destination });
});

afterAll(async () => {
  await testApp?.close();
  await smtp?.close();
});

const client = () => browser(testApp.app);
const resetPage = `${origin}/reset-password`;
const newPassword = "a brand new passphrase";
const pathOf = (url: URL | string) => {
  const { pathname, search } = new URL(url, origin);
  return `${pathname}${search}`;
};

/** Asks for a reset of `email`'s password; the token is in the link the email carries. */
async function requestReset(email: string) {
  const asked = await client()("POST", "/api/v1/auth/request-password-reset", {
    email,
    redirectTo: resetPage,
  });
  expect(asked.status).toBe(200);
  const link = linkIn(await smtp.nextEmail(email, "Reset your password"));
  expect(link.origin).toBe(origin);
  // The link checks the token and sends the browser to the app's page with it.
  const opened = await client()("GET", pathOf(link));
  expect(opened.status).toBe(302);
  const landing = new URL(opened.headers.get("location") ?? "");
  expect(`${landing.origin}${landing.pathname}`).toBe(resetPage);
  const token = landing.searchParams.get("token");
  if (!token) throw new Error(`No token in ${landing.href}`);
  return { link, token };
}

const signIn = (email: string, withPassword: string) =>
  client()("POST", "/api/v1/auth/sign-in/email", { email, password: withPassword });
const resetPassword = (token: string, to = newPassword) =>
  client()("POST", "/api/v1/auth/reset-password", { newPassword: to, token });

describe("password reset", () => {
  it("resets the password through the emailed link, once, and ends the old sessions", async () => {
    const { user, client: oldSession } = await signUp(testApp.app);
    const { link, token } = await requestReset(user.email);

    expect((await resetPassword(token)).status).toBe(200);
    expect((await signIn(user.email, newPassword)).status).toBe(200);
    await expectProblem(await signIn(user.email, password), 401, "INVALID_EMAIL_OR_PASSWORD");
    expect((await oldSession("GET", "/api/v1/users/me")).status).toBe(401);

    // The same link again: the token is spent.
    await expectProblem(await resetPassword(token, "yet another passphrase"), 400, "INVALID_TOKEN");
    const reopened = await client()("GET", pathOf(link));
    expect(reopened.status).toBe(302);
    const landing = new URL(reopened.headers.get("location") ?? "");
    expect(landing.searchParams.get("error")).toBe("INVALID_TOKEN");
    expect((await signIn(user.email, newPassword)).status).toBe(200);
  });

  it("refuses an expired link and leaves the password as it was", async () => {
    const { user } = await signUp(testApp.app);
    const { token } = await requestReset(user.email);
    const row = eq(verifications.identifier, `reset-password:${token}`);
    const { db } = testApp.database;
    await db
      .update(verifications)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(row);
    const [stored] = await db.select().from(verifications).where(row);
    expect(stored?.expiresAt.getTime()).toBeLessThan(Date.now());

    await expectProblem(await resetPassword(token), 400, "INVALID_TOKEN");
    expect((await signIn(user.email, password)).status).toBe(200);
    expect((await signIn(user.email, newPassword)).status).toBe(401);
  });

  it("logs the opened link with its path, but not the token in it or in the redirect", async () => {
    const { user } = await signUp(testApp.app);
    const start = logs.lines.length;
    const { token } = await requestReset(user.email);
    const logged = () => JSON.stringify(logs.lines.slice(start));
    // A request's line may be written just after its response has reached the client.
    await vi.waitFor(() => expect(logged()).toContain("/api/v1/auth/reset-password/[redacted]"));
    expect(logged()).not.toContain(token);
  });

  it("answers a token that was never issued with a 400 problem", async () => {
    await expectProblem(await resetPassword("not-a-real-token"), 400, "INVALID_TOKEN");
  });
});

describe("email verification", () => {
  async function verificationLink(email: string) {
    return linkIn(await smtp.nextEmail(email, "Verify your email address"));
  }

  async function isVerified(email: string) {
    const [row] = await testApp.database.db.select().from(users).where(eq(users.email, email));
    return row?.emailVerified;
  }

  it("sends a link at sign-up that verifies the address and signs in", async () => {
    const { user } = await signUp(testApp.app);
    expect(await isVerified(user.email)).toBe(false);
    const link = await verificationLink(user.email);
    expect(link.pathname).toBe("/api/v1/auth/verify-email");

    const visitor = client();
    const res = await visitor("GET", pathOf(link));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/");
    expect(await isVerified(user.email)).toBe(true);
    const session = await visitor("GET", "/api/v1/auth/get-session");
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({
      user: { email: user.email, emailVerified: true },
    });
  });

  it("logs the opened link without its token", async () => {
    const { user } = await signUp(testApp.app);
    const link = await verificationLink(user.email);
    const token = link.searchParams.get("token");
    expect(token).toMatch(/^eyJ/);
    const start = logs.lines.length;
    expect((await client()("GET", pathOf(link))).status).toBe(302);
    const logged = () => JSON.stringify(logs.lines.slice(start));
    await vi.waitFor(() => expect(logged()).toContain("/api/v1/auth/verify-email"));
    expect(logged()).not.toContain(token);
  });

  it("refuses a tampered link: an error for the app's page, or a 401 problem, and no change", async () => {
    const { user } = await signUp(testApp.app);
    const link = await verificationLink(user.email);
    link.searchParams.set("token", `${link.searchParams.get("token")}x`);

    const res = await client()("GET", pathOf(link));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/?error=INVALID_TOKEN");
    link.searchParams.delete("callbackURL");
    await expectProblem(await client()("GET", pathOf(link)), 401, "INVALID_TOKEN");
    expect(await isVerified(user.email)).toBe(false);
  });
});
