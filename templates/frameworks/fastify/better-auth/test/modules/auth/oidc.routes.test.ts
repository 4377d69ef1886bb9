import { eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../../src/modules/users/users.table.js";
import { createTestApp, type TestApp } from "../../helpers/app.js";
import { browser, type Client, expectProblem, origin } from "../../helpers/auth.js";
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

const signedInPage = `${origin}/signed-in`;

/** Starts a sign-in with the provider; the answer is where the browser goes next. */
async function startSignIn(client = browser(testApp.app), payload: Record<string, string> = {}) {
  const res = await client({
    method: "POST",
    url: "/api/v1/auth/sign-in/social",
    payload: { provider: "oidc", callbackURL: signedInPage, ...payload },
  });
  expect(res.statusCode, res.body).toBe(200);
  return { client, url: new URL(res.json().url) };
}

/** The browser coming back to the app from the provider's redirect. */
const open = (client: Client, url: URL) =>
  client({ method: "GET", url: `${url.pathname}${url.search}` });
const me = (client: Client) => client({ method: "GET", url: "/api/v1/users/me" });

async function usersWithEmail(email: string) {
  return testApp.database.db.select().from(users).where(eq(users.email, email));
}

function expectRefused(res: LightMyRequestResponse, status: number, code: string) {
  expectProblem(res, status, code);
  expect(res.headers.location).toBeUndefined();
}

describe("sign-in with an OpenID Connect provider", () => {
  it("runs the authorization code flow with PKCE to a session: /users/me answers the provider's user", async () => {
    const { client, url } = await startSignIn();
    expect(url.origin).toBe(oidc.issuer);
    expect(url.searchParams.get("response_type")).toBe("code");
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("state")).toBeTruthy();
    expect(url.searchParams.get("redirect_uri")).toBe(oidc.redirectUri);

    const { callback, account, prompts } = await oidc.authorize(url.href);
    expect(prompts).toEqual(["login", "consent"]);
    expect(callback.searchParams.get("code")).toBeTruthy();

    const back = await open(client, callback);
    expect(back.statusCode).toBe(302);
    expect(back.headers.location).toBe(signedInPage);
    expect(String(back.headers["set-cookie"])).toMatch(/session_token=[^;]+;.*HttpOnly/i);
    const first = await me(client);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ email: account.email, role: "user" });

    // The same account signs in again to the same user.
    const again = await startSignIn();
    const second = await oidc.authorize(again.url.href, { account });
    expect((await open(again.client, second.callback)).statusCode).toBe(302);
    expect((await me(again.client)).json().id).toBe(first.json().id);
    expect(await usersWithEmail(account.email)).toHaveLength(1);
  });

  it("answers an unknown provider with a 4xx problem", async () => {
    const client = browser(testApp.app);
    const res = await client({
      method: "POST",
      url: "/api/v1/auth/sign-in/social",
      payload: { provider: "nope", callbackURL: signedInPage },
    });
    expectRefused(res, 404, "PROVIDER_NOT_FOUND");
    const callback = await client({
      method: "GET",
      url: "/api/v1/auth/callback/nope",
      query: { code: "x", state: "y" },
    });
    expectRefused(callback, 400, "STATE_MISMATCH");
  });

  it("refuses a tampered state: a 400 problem, no session, no user", async () => {
    const { client, url } = await startSignIn();
    const { callback, account } = await oidc.authorize(url.href);
    callback.searchParams.set("state", `${callback.searchParams.get("state")}x`);

    expectRefused(await open(client, callback), 400, "STATE_MISMATCH");
    expect((await me(client)).statusCode).toBe(401);
    expect(await usersWithEmail(account.email)).toHaveLength(0);
  });

  it("refuses a replayed authorization code: a 400 problem, no session", async () => {
    const first = await startSignIn();
    const { callback, account } = await oidc.authorize(first.url.href);
    expect((await open(first.client, callback)).statusCode).toBe(302);

    // The whole callback again: its state is spent.
    const replay = await open(first.client, callback);
    expect(replay.statusCode).toBe(400);
    expect(replay.headers["content-type"]).toMatch(/^application\/problem\+json/);

    // The code with a fresh, valid state: the provider refuses the code it already exchanged.
    const second = await startSignIn();
    const fresh = new URL(callback);
    fresh.searchParams.set("state", second.url.searchParams.get("state") ?? "");
    expectRefused(await open(second.client, fresh), 400, "INVALID_CODE");
    expect((await me(second.client)).statusCode).toBe(401);
    expect(await usersWithEmail(account.email)).toHaveLength(1);
  });

  it("answers a refused consent with a 403 problem, or at the app's errorCallbackURL", async () => {
    const account = oidcAccount();
    const { client, url } = await startSignIn();
    const { callback } = await oidc.authorize(url.href, { account, deny: true });
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expectRefused(await open(client, callback), 403, "ACCESS_DENIED");
    expect((await me(client)).statusCode).toBe(401);

    const errorPage = `${origin}/sign-in-failed`;
    const withPage = await startSignIn(browser(testApp.app), { errorCallbackURL: errorPage });
    const denied = await oidc.authorize(withPage.url.href, { account, deny: true });
    const res = await open(withPage.client, denied.callback);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`${errorPage}?error=access_denied`);
    expect(await usersWithEmail(account.email)).toHaveLength(0);
  });

  it("answers Better Auth's error page with the problem it names", async () => {
    const res = await browser(testApp.app)({
      method: "GET",
      url: "/api/v1/auth/error",
      query: { error: "state_not_found" },
    });
    expectRefused(res, 400, "STATE_NOT_FOUND");
  });
});
