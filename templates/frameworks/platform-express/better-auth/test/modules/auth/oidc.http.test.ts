import { eq } from "drizzle-orm";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../../src/modules/users/users.table.js";
import { createTestApp, type TestApp } from "../../helpers/app.js";
import { origin } from "../../helpers/auth.js";
import { type OidcProvider, oidcAccount, startOidcProvider } from "../../helpers/oidc-provider.js";

let oidc: OidcProvider;
let testApp: TestApp;

beforeAll(async () => {
  // The provider first: the app reads its discovery document when it starts.
  oidc = await startOidcProvider();
  testApp = await createTestApp(oidc.env);
});

afterAll(async () => {
  await testApp?.close();
  await oidc?.close();
});

/** A browser: keeps the app's cookies (the OAuth state among them) and sends its origin. */
const browser = () => request.agent(testApp.server).set("Origin", origin);
const signedInPage = `${origin}/signed-in`;

/** Starts a sign-in with the provider; the answer is where the browser goes next. */
async function startSignIn(agent = browser(), body: Record<string, string> = {}) {
  const res = await agent
    .post("/api/v1/auth/sign-in/social")
    .send({ provider: "oidc", callbackURL: signedInPage, ...body })
    .expect(200);
  return { agent, url: new URL(res.body.url) };
}

/** The path and query of the provider's redirect back to the app, for supertest. */
const pathOf = (url: URL) => `${url.pathname}${url.search}`;

async function usersWithEmail(email: string) {
  return testApp.database.db.select().from(users).where(eq(users.email, email));
}

function expectProblem(res: request.Response, status: number, code: string) {
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code, requestId: res.headers["x-request-id"] });
  expect(res.headers.location).toBeUndefined();
}

describe("sign-in with an OpenID Connect provider", () => {
  it("runs the authorization code flow with PKCE to a session: /users/me answers the provider's user", async () => {
    const { agent, url } = await startSignIn();
    expect(url.origin).toBe(oidc.issuer);
    expect(url.searchParams.get("response_type")).toBe("code");
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("state")).toBeTruthy();
    expect(url.searchParams.get("redirect_uri")).toBe(oidc.redirectUri);

    const { callback, account, prompts } = await oidc.authorize(url.href);
    expect(prompts).toEqual(["login", "consent"]);
    expect(callback.searchParams.get("code")).toBeTruthy();

    const back = await agent.get(pathOf(callback)).expect(302);
    expect(back.headers.location).toBe(signedInPage);
    expect(String(back.headers["set-cookie"])).toMatch(/session_token=[^;]+;.*HttpOnly/i);
    const me = await agent.get("/api/v1/users/me").expect(200);
    expect(me.body).toMatchObject({ email: account.email, role: "user" });

    // The same account signs in again to the same user.
    const again = await startSignIn();
    const second = await oidc.authorize(again.url.href, { account });
    await again.agent.get(pathOf(second.callback)).expect(302);
    const meAgain = await again.agent.get("/api/v1/users/me").expect(200);
    expect(meAgain.body.id).toBe(me.body.id);
    expect(await usersWithEmail(account.email)).toHaveLength(1);
  });

  it("answers an unknown provider with a 4xx problem", async () => {
    const res = await browser()
      .post("/api/v1/auth/sign-in/social")
      .send({ provider: "nope", callbackURL: signedInPage });
    expectProblem(res, 404, "PROVIDER_NOT_FOUND");

    const callback = await browser().get("/api/v1/auth/callback/nope?code=x&state=y");
    expectProblem(callback, 400, "STATE_MISMATCH");
  });

  it("refuses a tampered state: a 400 problem, no session, no user", async () => {
    const { agent, url } = await startSignIn();
    const { callback, account } = await oidc.authorize(url.href);
    callback.searchParams.set("state", `${callback.searchParams.get("state")}x`);

    const res = await agent.get(pathOf(callback));
    expectProblem(res, 400, "STATE_MISMATCH");
    await agent.get("/api/v1/users/me").expect(401);
    expect(await usersWithEmail(account.email)).toHaveLength(0);
  });

  it("refuses a replayed authorization code: a 400 problem, no session", async () => {
    const first = await startSignIn();
    const { callback, account } = await oidc.authorize(first.url.href);
    await first.agent.get(pathOf(callback)).expect(302);

    // The whole callback again: its state is spent.
    expectProblem(await first.agent.get(pathOf(callback)), 400, "STATE_MISMATCH");

    // The code with a fresh, valid state: the provider refuses the code it already exchanged.
    const second = await startSignIn();
    const fresh = new URL(callback);
    fresh.searchParams.set("state", second.url.searchParams.get("state") ?? "");
    const res = await second.agent.get(pathOf(fresh));
    expectProblem(res, 400, "INVALID_CODE");
    await second.agent.get("/api/v1/users/me").expect(401);
    expect(await usersWithEmail(account.email)).toHaveLength(1);
  });

  it("answers a refused consent with a 403 problem, or at the app's errorCallbackURL", async () => {
    const account = oidcAccount();
    const { agent, url } = await startSignIn();
    const { callback } = await oidc.authorize(url.href, { account, deny: true });
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expectProblem(await agent.get(pathOf(callback)), 403, "ACCESS_DENIED");
    await agent.get("/api/v1/users/me").expect(401);

    const errorPage = `${origin}/sign-in-failed`;
    const withPage = await startSignIn(browser(), { errorCallbackURL: errorPage });
    const denied = await oidc.authorize(withPage.url.href, { account, deny: true });
    const res = await withPage.agent.get(pathOf(denied.callback)).expect(302);
    expect(res.headers.location).toBe(`${errorPage}?error=access_denied`);
    expect(await usersWithEmail(account.email)).toHaveLength(0);
  });

  it("answers Better Auth's error page with the problem it names", async () => {
    const res = await browser().get("/api/v1/auth/error?error=state_not_found");
    expectProblem(res, 400, "STATE_NOT_FOUND");
  });
});
