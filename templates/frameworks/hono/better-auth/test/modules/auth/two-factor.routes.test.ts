import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../helpers/app.js";
import { browser, expectProblem, password, signUp } from "../../helpers/auth.js";
import { bodyOf } from "../../helpers/http.js";
import { totpCode, wrongTotpCode } from "../../helpers/totp.js";

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp();
});

afterAll(() => testApp.close());

interface Enrolment {
  totpURI: string;
  backupCodes: string[];
}

/** A user with TOTP enrolled and confirmed; a code from `totpURI` completes each sign-in. */
async function enrolled() {
  const { user, client } = await signUp(testApp.app);
  const enabled = await client("POST", "/api/v1/auth/two-factor/enable", { password });
  expect(enabled.status).toBe(200);
  const { totpURI, backupCodes } = await bodyOf<Enrolment>(enabled);
  const confirmed = await client("POST", "/api/v1/auth/two-factor/verify-totp", {
    code: totpCode(totpURI),
  });
  expect(confirmed.status).toBe(200);
  return { email: user.email, totpURI, backupCodes };
}

/** Signs in with the password; with two-factor on, that only opens the challenge. */
async function challenged(email: string) {
  const client = browser(testApp.app);
  const res = await client("POST", "/api/v1/auth/sign-in/email", { email, password });
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ twoFactorRedirect: true });
  expect(res.headers.getSetCookie().join("\n")).not.toMatch(/session_token=[^;]/);
  expect((await client("GET", "/api/v1/users/me")).status).toBe(401);
  return client;
}

describe("two-factor authentication (TOTP)", () => {
  it("enrols with the password confirmed and an otpauth URI; sign-in then asks for a code", async () => {
    const { user, client } = await signUp(testApp.app);
    const wrongPassword = await client("POST", "/api/v1/auth/two-factor/enable", {
      password: "not the password",
    });
    await expectProblem(wrongPassword, 400, "INVALID_PASSWORD");

    const enabled = await client("POST", "/api/v1/auth/two-factor/enable", { password });
    expect(enabled.status).toBe(200);
    const { totpURI, backupCodes } = await bodyOf<Enrolment>(enabled);
    const uri = new URL(totpURI);
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(uri.searchParams.get("secret")).toMatch(/^[A-Z2-7]+=*$/);
    expect(backupCodes.length).toBeGreaterThan(0);

    // Not on until a code from the authenticator app confirms the enrolment.
    const signIn = { email: user.email, password };
    const unchallenged = await browser(testApp.app)("POST", "/api/v1/auth/sign-in/email", signIn);
    expect(await unchallenged.json()).not.toHaveProperty("twoFactorRedirect");
    const wrong = await client("POST", "/api/v1/auth/two-factor/verify-totp", {
      code: wrongTotpCode(totpURI),
    });
    await expectProblem(wrong, 401, "INVALID_CODE");
    const confirmed = await client("POST", "/api/v1/auth/two-factor/verify-totp", {
      code: totpCode(totpURI),
    });
    expect(confirmed.status).toBe(200);
    expect((await client("GET", "/api/v1/users/me")).status).toBe(200);

    const challenge = await challenged(user.email);
    const verified = await challenge("POST", "/api/v1/auth/two-factor/verify-totp", {
      code: totpCode(totpURI),
    });
    expect(verified.status).toBe(200);
    expect(verified.headers.getSetCookie().join("\n")).toMatch(/session_token=[^;]+;.*HttpOnly/i);
    const me = await challenge("GET", "/api/v1/users/me");
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: user.email });
  });

  it("takes each backup code once", async () => {
    const { email, backupCodes } = await enrolled();
    const [code] = backupCodes;

    const first = await challenged(email);
    const used = await first("POST", "/api/v1/auth/two-factor/verify-backup-code", { code });
    expect(used.status).toBe(200);
    expect((await first("GET", "/api/v1/users/me")).status).toBe(200);

    const second = await challenged(email);
    const again = await second("POST", "/api/v1/auth/two-factor/verify-backup-code", { code });
    await expectProblem(again, 401, "INVALID_BACKUP_CODE");
    expect((await second("GET", "/api/v1/users/me")).status).toBe(401);
  });

  it("answers wrong codes with problems, ends the challenge after 5 and locks the account after 10 (429)", async () => {
    const { email, totpURI } = await enrolled();
    const verify = (client: Awaited<ReturnType<typeof challenged>>, code: string) =>
      client("POST", "/api/v1/auth/two-factor/verify-totp", { code });
    const wrongCode = wrongTotpCode(totpURI);

    const first = await challenged(email);
    for (let attempt = 1; attempt <= 5; attempt++) {
      await expectProblem(await verify(first, wrongCode), 401, "INVALID_CODE");
    }
    const spent = await verify(first, totpCode(totpURI));
    await expectProblem(spent, 400, "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE");
    expect((await first("GET", "/api/v1/users/me")).status).toBe(401);

    const second = await challenged(email);
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await verify(second, wrongCode)).status).toBe(401);
    }
    // Locked: even the right code is refused until the lock ends.
    const third = await challenged(email);
    await expectProblem(await verify(third, totpCode(totpURI)), 429, "ACCOUNT_TEMPORARILY_LOCKED");
    expect((await third("GET", "/api/v1/users/me")).status).toBe(401);
  });
});
