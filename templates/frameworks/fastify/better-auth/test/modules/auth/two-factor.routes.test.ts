import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../helpers/app.js";
import { browser, type Client, expectProblem, password, signUp } from "../../helpers/auth.js";
import { totpCode, wrongTotpCode } from "../../helpers/totp.js";

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp();
});

afterAll(() => testApp.close());

const post = (client: Client, url: string, payload: object) =>
  client({ method: "POST", url, payload });
const me = (client: Client) => client({ method: "GET", url: "/api/v1/users/me" });

/** A user with TOTP enrolled and confirmed; a code from `totpURI` completes each sign-in. */
async function enrolled() {
  const { user, client } = await signUp(testApp.app);
  const enabled = await post(client, "/api/v1/auth/two-factor/enable", { password });
  expect(enabled.statusCode).toBe(200);
  const { totpURI, backupCodes } = enabled.json<{ totpURI: string; backupCodes: string[] }>();
  const confirmed = await post(client, "/api/v1/auth/two-factor/verify-totp", {
    code: totpCode(totpURI),
  });
  expect(confirmed.statusCode).toBe(200);
  return { email: user.email, totpURI, backupCodes };
}

/** Signs in with the password; with two-factor on, that only opens the challenge. */
async function challenged(email: string) {
  const client = browser(testApp.app);
  const res = await post(client, "/api/v1/auth/sign-in/email", { email, password });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toMatchObject({ twoFactorRedirect: true });
  expect(String(res.headers["set-cookie"])).not.toMatch(/session_token=[^;]/);
  expect((await me(client)).statusCode).toBe(401);
  return client;
}

describe("two-factor authentication (TOTP)", () => {
  it("enrols with the password confirmed and an otpauth URI; sign-in then asks for a code", async () => {
    const { user, client } = await signUp(testApp.app);
    const wrongPassword = await post(client, "/api/v1/auth/two-factor/enable", {
      password: "not the password",
    });
    expectProblem(wrongPassword, 400, "INVALID_PASSWORD");

    const enabled = await post(client, "/api/v1/auth/two-factor/enable", { password });
    expect(enabled.statusCode).toBe(200);
    const { totpURI, backupCodes } = enabled.json();
    const uri = new URL(totpURI);
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(uri.searchParams.get("secret")).toMatch(/^[A-Z2-7]+=*$/);
    expect(backupCodes.length).toBeGreaterThan(0);

    // Not on until a code from the authenticator app confirms the enrolment.
    const signIn = { email: user.email, password };
    const unchallenged = await post(browser(testApp.app), "/api/v1/auth/sign-in/email", signIn);
    expect(unchallenged.json()).not.toHaveProperty("twoFactorRedirect");
    const wrong = await post(client, "/api/v1/auth/two-factor/verify-totp", {
      code: wrongTotpCode(totpURI),
    });
    expectProblem(wrong, 401, "INVALID_CODE");
    const confirmed = await post(client, "/api/v1/auth/two-factor/verify-totp", {
      code: totpCode(totpURI),
    });
    expect(confirmed.statusCode).toBe(200);
    expect((await me(client)).statusCode).toBe(200);

    const challenge = await challenged(user.email);
    const verified = await post(challenge, "/api/v1/auth/two-factor/verify-totp", {
      code: totpCode(totpURI),
    });
    expect(verified.statusCode).toBe(200);
    expect(String(verified.headers["set-cookie"])).toMatch(/session_token=[^;]+;.*HttpOnly/i);
    const signedIn = await me(challenge);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().email).toBe(user.email);
  });

  it("takes each backup code once", async () => {
    const { email, backupCodes } = await enrolled();
    const [code] = backupCodes;

    const first = await challenged(email);
    const used = await post(first, "/api/v1/auth/two-factor/verify-backup-code", { code });
    expect(used.statusCode).toBe(200);
    expect((await me(first)).statusCode).toBe(200);

    const second = await challenged(email);
    const again = await post(second, "/api/v1/auth/two-factor/verify-backup-code", { code });
    expectProblem(again, 401, "INVALID_BACKUP_CODE");
    expect((await me(second)).statusCode).toBe(401);
  });

  it("answers wrong codes with problems, ends the challenge after 5 and locks the account after 10 (429)", async () => {
    const { email, totpURI } = await enrolled();
    const verify = (client: Client, code: string) =>
      post(client, "/api/v1/auth/two-factor/verify-totp", { code });
    const wrongCode = wrongTotpCode(totpURI);

    const first = await challenged(email);
    for (let attempt = 1; attempt <= 5; attempt++) {
      expectProblem(await verify(first, wrongCode), 401, "INVALID_CODE");
    }
    const spent = await verify(first, totpCode(totpURI));
    expectProblem(spent, 400, "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE");
    expect((await me(first)).statusCode).toBe(401);

    const second = await challenged(email);
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await verify(second, wrongCode)).statusCode).toBe(401);
    }
    // Locked: even the right code is refused until the lock ends.
    const third = await challenged(email);
    expectProblem(await verify(third, totpCode(totpURI)), 429, "ACCOUNT_TEMPORARILY_LOCKED");
    expect((await me(third)).statusCode).toBe(401);
  });
});
