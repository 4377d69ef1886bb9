import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../../src/modules/users/users.table.js";
import { createTestApp, type TestApp } from "../../helpers/app.js";
import { type Browser, browser, expectProblem, origin } from "../../helpers/auth.js";
import { bodyOf } from "../../helpers/http.js";
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
async function startSignIn(client = browser(testApp.app), body: Record<string, string> = {}) {
  const res = await client("POST", "/api/v1/auth/sign-in/social", {
    provider: "oidc",
    callbackURL: signedInPage,
    ...body,
  });
  expect(res.status).toBe(200);
  return { client, url: new URL((await bodyOf<{ url: string }>(res)).url) };
}

/** The path and query of the provider's redirect back to the app. */
const pathOf = (url: URL) => `${url.pathname}${url.search}`;

async function usersWithEmail(email: string) {
  return testApp.database.db.select().from(users).where(eq(users.email, email));
}

async function expectRefused(res: Response, status: number, code: string) {
  expect(res.headers.get("location")).toBeNull();
  return expectProblem(res, status, code);
}

const me = (client: Browser) => client("GET", "/api/v1/users/me");

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

    const back = await client("GET", pathOf(callback));
    expect(back.status).toBe(302);
    expect(back.headers.get("location")).toBe(signedInPage);
    expect(back.headers.getSetCookie().join("\n")).toMatch(/session_token=[^;]+;.*HttpOnly/i);
    const first = await me(client);
    expect(first.status).toBe(200);
    const user = await bodyOf<{ id: string }>(first);
    expect(user).toMatchObject({ email: account.email, role: "user" });

    // The same account signs in again to the same user.
    const again = await startSignIn();
    const second = await oidc.authorize(again.url.href, { account });
    expect((await again.client("GET", pathOf(second.callback))).status).toBe(302);
    expect(await bodyOf(await me(again.client))).toMatchObject({ id: user.id });
    expect(await usersWithEmail(account.email)).toHaveLength(1);
  });

  it("answers an unknown provider with a 4xx problem", async () => {
    const client = browser(testApp.app);
    const res = await client("POST", "/api/v1/auth/sign-in/social", {
      provider: "nope",
      callbackURL: signedInPage,
    });
    await expectRefused(res, 404, "PROVIDER_NOT_FOUND");
    const callback = await client("GET", "/api/v1/auth/callback/nope?code=x&state=y");
    await expectRefused(callback, 400, "STATE_MISMATCH");
  });

  it("refuses a tampered state: a 400 problem, no session, no user", async () => {
    const { client, url } = await startSignIn();
    const { callback, account } = await oidc.authorize(url.href);
    callback.searchParams.set("state", `${callback.searchParams.get("state")}x`);

    await expectRefused(await client("GET", pathOf(callback)), 400, "STATE_MISMATCH");
    expect((await me(client)).status).toBe(401);
    expect(await usersWithEmail(account.email)).toHaveLength(0);
  });

  it("refuses a replayed authorization code: a 400 problem, no session", async () => {
    const first = await startSignIn();
    const { callback, account } = await oidc.authorize(first.url.href);
    expect((await first.client("GET", pathOf(callback))).status).toBe(302);

    // The whole callback again: its state is spent.
    const replay = await first.client("GET", pathOf(callback));
    expect(replay.status).toBe(400);
    expect(replay.headers.get("content-type")).toMatch(/^application\/problem\+json/);

    // The code with a fresh, valid state: the provider refuses the code it already exchanged.
    const second = await startSignIn();
    const fresh = new URL(callback);
    fresh.searchParams.set("state", second.url.searchParams.get("state") ?? "");
    await expectRefused(await second.client("GET", pathOf(fresh)), 400, "INVALID_CODE");
    expect((await me(second.client)).status).toBe(401);
    expect(await usersWithEmail(account.email)).toHaveLength(1);
  });

  it("answers a refused consent with a 403 problem, or at the app's errorCallbackURL", async () => {
    const account = oidcAccount();
    const { client, url } = await startSignIn();
    const { callback } = await oidc.authorize(url.href, { account, deny: true });
    expect(callback.searchParams.get("error")).toBe("access_denied");
    await expectRefused(await client("GET", pathOf(callback)), 403, "ACCESS_DENIED");
    expect((await me(client)).status).toBe(401);

    const errorPage = `${origin}/sign-in-failed`;
    const withPage = await startSignIn(browser(testApp.app), { errorCallbackURL: errorPage });
    const denied = await oidc.authorize(withPage.url.href, { account, deny: true });
    const res = await withPage.client("GET", pathOf(denied.callback));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`${errorPage}?error=access_denied`);
    expect(await usersWithEmail(account.email)).toHaveLength(0);
  });

  it("answers Better Auth's error page with the problem it names", async () => {
    const res = await browser(testApp.app)("GET", "/api/v1/auth/error?error=state_not_found");
    await expectRefused(res, 400, "STATE_NOT_FOUND");
  });
});
