export interface App {
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}

interface SendOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  headers?: Record<string, string>;
}

/** Calls the app in-process with app.request(). */
export async function send(
  app: App,
  method: string,
  path: string,
  { body, token, headers = {} }: SendOptions = {},
): Promise<Response> {
  const defaults: Record<string, string> = {};
  if (body !== undefined) defaults["Content-Type"] = "application/json";
  if (token !== undefined) defaults.Authorization = `Bearer ${token}`;
  return app.request(path, {
    method,
    headers: { ...defaults, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** The response body, parsed as JSON and typed by the caller. */
export async function bodyOf<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

export type Client = (method: string, path: string, body?: unknown) => Promise<Response>;

/** Sends requests to one app, each with the same bearer token when one is given. */
export function clientFor(app: App, token?: string): Client {
  return (method, path, body) => send(app, method, path, { body, token });
}
