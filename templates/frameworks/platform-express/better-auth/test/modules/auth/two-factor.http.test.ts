import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../helpers/app.js";
import { origin, password, signUp } from "../../helpers/auth.js";
import { totpCode, wrongTotpCode } from "../../helpers/totp.js";

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp();
});

afterAll(() => testApp.close());

const client = () => request.agent(testApp.server).set("Origin", origin);

/** A user with TOTP enrolled and confirmed; a code from `totpURI` completes each sign-in. */
async function enrolled() {
  const { user, client: signedIn } = await signUp(testApp.server);
  const enabled = await signedIn
    .post("/api/v1/auth/two-factor/enable")
    .send({ password })
    .expect(200);
  const { totpURI, backupCodes } = enabled.body as { totpURI: string; backupCodes: string[] };
  await signedIn
    .post("/api/v1/auth/two-factor/verify-totp")
    .send({ code: totpCode(totpURI) })
    .expect(200);
  return { email: user.email, totpURI, backupCodes };
}

/** Signs in with the password; with two-factor on, that only opens the challenge. */
async function challenged(email: string) {
  const agent = client();
  const res = await agent.post("/api/v1/auth/sign-in/email").send({ email, password }).expect(200);
  expect(res.body).toMatchObject({ twoFactorRedirect: true });
  expect(String(res.headers["set-cookie"])).not.toMatch(/session_token=[^;]/);
  await agent.get("/api/v1/users/me").expect(401);
  return agent;
}

function expectProblem(res: request.Response, status: number, code: string) {
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code, requestId: res.headers["x-request-id"] });
}

describe("two-factor authentication (TOTP)", () => {
  it("enrols with the password confirmed and an otpauth URI; sign-in then asks for a code", async () => {
    const { user, client: signedIn } = await signUp(testApp.server);
    const wrongPassword = await signedIn
      .post("/api/v1/auth/two-factor/enable")
      .send({ password: "not the password" });
    expectProblem(wrongPassword, 400, "INVALID_PASSWORD");

    const enabled = await signedIn
      .post("/api/v1/auth/two-factor/enable")
      .send({ password })
      .expect(200);
    const { totpURI, backupCodes } = enabled.body;
    const uri = new URL(totpURI);
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(uri.searchParams.get("secret")).toMatch(/^[A-Z2-7]+=*$/);
    expect(backupCodes.length).toBeGreaterThan(0);

    // Not on until a code from the authenticator app confirms the enrolment.
    await client()
      .post("/api/v1/auth/sign-in/email")
      .send({ email: user.email, password })
      .expect(200);
    const wrong = await signedIn
      .post("/api/v1/auth/two-factor/verify-totp")
      .send({ code: wrongTotpCode(totpURI) });
    expectProblem(wrong, 401, "INVALID_CODE");
    await signedIn
      .post("/api/v1/auth/two-factor/verify-totp")
      .send({ code: totpCode(totpURI) })
      .expect(200);
    await signedIn.get("/api/v1/users/me").expect(200);

    const agent = await challenged(user.email);
    const verified = await agent
      .post("/api/v1/auth/two-factor/verify-totp")
      .send({ code: totpCode(totpURI) })
      .expect(200);
    expect(String(verified.headers["set-cookie"])).toMatch(/session_token=[^;]+;.*HttpOnly/i);
    const me = await agent.get("/api/v1/users/me").expect(200);
    expect(me.body.email).toBe(user.email);
  });

  it("takes each backup code once", async () => {
    const { email, backupCodes } = await enrolled();
    const [code] = backupCodes;

    const first = await challenged(email);
    await first.post("/api/v1/auth/two-factor/verify-backup-code").send({ code }).expect(200);
    await first.get("/api/v1/users/me").expect(200);

    const second = await challenged(email);
    const again = await second.post("/api/v1/auth/two-factor/verify-backup-code").send({ code });
    expectProblem(again, 401, "INVALID_BACKUP_CODE");
    await second.get("/api/v1/users/me").expect(401);
  });

  it("answers wrong codes with problems, ends the challenge after 5 and locks the account after 10 (429)", async () => {
    const { email, totpURI } = await enrolled();
    const wrongCode = wrongTotpCode(totpURI);

    const first = await challenged(email);
    for (let attempt = 1; attempt <= 5; attempt++) {
      const res = await first.post("/api/v1/auth/two-factor/verify-totp").send({ code: wrongCode });
      expectProblem(res, 401, "INVALID_CODE");
    }
    const spent = await first
      .post("/api/v1/auth/two-factor/verify-totp")
      .send({ code: totpCode(totpURI) });
    expectProblem(spent, 400, "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE");
    await first.get("/api/v1/users/me").expect(401);

    const second = await challenged(email);
    for (let attempt = 1; attempt <= 5; attempt++) {
      await second
        .post("/api/v1/auth/two-factor/verify-totp")
        .send({ code: wrongCode })
        .expect(401);
    }
    // Locked: even the right code is refused until the lock ends.
    const third = await challenged(email);
    const locked = await third
      .post("/api/v1/auth/two-factor/verify-totp")
      .send({ code: totpCode(totpURI) });
    expectProblem(locked, 429, "ACCOUNT_TEMPORARILY_LOCKED");
    await third.get("/api/v1/users/me").expect(401);
  });
});
