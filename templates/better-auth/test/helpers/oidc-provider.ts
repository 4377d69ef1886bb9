import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type AdapterFactory, type AdapterPayload, type JWK } from "oidc-provider";
import { testConfig } from "./config.js";

export interface OidcAccount {
  sub: string;
  email: string;
  name: string;
}

export interface AuthorizeOptions {
  /** Who signs in at the provider; a new account with a unique email unless given. */
  account?: OidcAccount;
  /** Refuse consent, so the provider answers the app's callback with `error=access_denied`. */
  deny?: boolean;
}

export interface Authorized {
  /** Where the provider sends the browser back: the app's callback URL with `code` and `state`. */
  callback: URL;
  account: OidcAccount;
  /** The interactions the provider asked for, in order (`login`, `consent`). */
  prompts: string[];
}

export interface OidcProvider {
  issuer: string;
  /** `OIDC_ISSUER`, `OIDC_CLIENT_ID` and `OIDC_CLIENT_SECRET` for `createTestApp(env)`. */
  env: Record<"OIDC_ISSUER" | "OIDC_CLIENT_ID" | "OIDC_CLIENT_SECRET", string>;
  /** The app's callback URL the client is registered with. */
  redirectUri: string;
  /**
   * Plays the browser at the provider: opens the authorization URL the app answered, signs in
   * and consents through the provider's interaction API, and stops at the redirect back to the app.
   */
  authorize(url: string, options?: AuthorizeOptions): Promise<Authorized>;
  close(): Promise<void>;
}

/** A new account at the provider, with a unique email. */
export function oidcAccount(): OidcAccount {
  const id = randomUUID();
  return { sub: id, email: `oidc-${id}@example.com`, name: "OIDC User" };
}

/**
 * A real OpenID Connect provider (panva's `oidc-provider`) on a loopback port, with one
 * confidential client registered for the app's `oidc` callback: authorization code with PKCE
 * required, `client_secret_post` at the token endpoint, as Better Auth's generic OAuth sends it.
 */
export async function startOidcProvider(
  appUrl = testConfig().BETTER_AUTH_URL,
): Promise<OidcProvider> {
  const redirectUri = new URL("/api/v1/auth/callback/oidc", appUrl).href;
  const client = { id: `app-${randomUUID()}`, secret: randomBytes(32).toString("base64url") };
  const accounts = new Map<string, OidcAccount>();
  // What the interactions do for the browser at the provider now (authorize() runs one at a time).
  let pending: { account: OidcAccount; deny: boolean; prompts: string[] } | undefined;

  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.id,
        client_secret: client.secret,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    adapter: memoryAdapter(),
    jwks: { keys: [{ ...(privateKey.export({ format: "jwk" }) as JWK), kid: "test", use: "sig" }] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // The login and consent pages are ours (below), driven by authorize() rather than a person.
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    // Seconds; set so the provider prints no notice about its defaults.
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, email: account.email, email_verified: true, name: account.name }),
      };
    },
  });

  /** The provider's login and consent prompts, answered through its interaction API. */
  async function interact(req: IncomingMessage, res: ServerResponse) {
    const details = await provider.interactionDetails(req, res);
    if (!pending) throw new Error("No authorize() call is waiting for this interaction");
    const { account, deny, prompts } = pending;
    prompts.push(details.prompt.name);
    if (deny) {
      await provider.interactionFinished(req, res, { error: "access_denied" });
    } else if (details.prompt.name === "login") {
      accounts.set(account.sub, account);
      await provider.interactionFinished(req, res, { login: { accountId: account.sub } });
    } else {
      const grant = new provider.Grant({ accountId: account.sub, clientId: client.id });
      const { missingOIDCScope } = details.prompt.details as { missingOIDCScope?: string[] };
      grant.addOIDCScope(missingOIDCScope ?? ["openid"]);
      await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } });
    }
  }

  const handle = provider.callback();
  server.on("request", (req, res) => {
    if (!req.url?.startsWith("/interaction/")) return handle(req, res);
    interact(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });

  return {
    issuer,
    env: { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: client.id, OIDC_CLIENT_SECRET: client.secret },
    redirectUri,
    async authorize(url, { account = oidcAccount(), deny = false } = {}) {
      pending = { account, deny, prompts: [] };
      try {
        const callback = await followToApp(new URL(url), issuer, redirectUri);
        return { callback, account, prompts: pending.prompts };
      } finally {
        pending = undefined;
      }
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * The provider's records (sessions, grants, codes) in a Map that lives as long as the provider.
 * Its built-in store would do as much, but warns on every run that it is not for production.
 */
function memoryAdapter(): AdapterFactory {
  const records = new Map<string, AdapterPayload>();
  return (model) => {
    const key = (id: string) => `${model}:${id}`;
    const findBy = (matches: (payload: AdapterPayload) => boolean) =>
      [...records].find(([id, payload]) => id.startsWith(`${model}:`) && matches(payload))?.[1];
    return {
      upsert: async (id, payload) => {
        records.set(key(id), payload);
      },
      find: async (id) => records.get(key(id)),
      findByUid: async (uid) => findBy((payload) => payload.uid === uid),
      findByUserCode: async (userCode) => findBy((payload) => payload.userCode === userCode),
      consume: async (id) => {
        const payload = records.get(key(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      destroy: async (id) => {
        records.delete(key(id));
      },
      revokeByGrantId: async (grantId) => {
        for (const [id, payload] of records) if (payload.grantId === grantId) records.delete(id);
      },
    };
  };
}

/** Follows the provider's redirects with a cookie jar of its own, as a browser would. */
async function followToApp(start: URL, issuer: string, redirectUri: string): Promise<URL> {
  const cookies = new Map<string, string>();
  let url = start;
  for (let hop = 0; hop < 10; hop++) {
    if (url.origin !== new URL(issuer).origin) throw new Error(`Left the provider for ${url.href}`);
    const res = await fetch(url, {
      redirect: "manual",
      headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join("; ") },
    });
    for (const header of res.headers.getSetCookie()) {
      const [pair = "", ...attributes] = header.split(";");
      const name = pair.slice(0, pair.indexOf("="));
      const expired = attributes.some((attribute) => /expires=.*1970/i.test(attribute));
      if (expired) cookies.delete(name);
      else cookies.set(name, pair.slice(pair.indexOf("=") + 1));
    }
    const location = res.headers.get("location");
    if (!location || res.status < 300 || res.status >= 400) {
      throw new Error(`The provider answered ${res.status}: ${await res.text()}`);
    }
    url = new URL(location, url);
    if (url.href.startsWith(redirectUri)) return url;
  }
  throw new Error("The provider redirected too many times");
}
