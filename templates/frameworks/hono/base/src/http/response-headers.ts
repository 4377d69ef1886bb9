import type { Context } from "hono";
import type { AppEnv } from "./app-env.js";

/**
 * Sets response headers before the handler runs. Served by @hono/node-server, they go straight
 * onto Node's response, which merges them with the handler's when it writes the head (the
 * handler's win on a clash, as with Express middleware). c.header() would give every response a
 * WHATWG `Headers` object, which @hono/node-server then converts back for Node: the slowest part
 * of answering a small request. Requests made with app.request() (tests) have no Node response
 * and use c.header().
 */
export function setResponseHeaders(
  c: Context<AppEnv>,
  headers: Iterable<readonly [string, string]>,
): void {
  const outgoing = c.env?.outgoing;
  for (const [name, value] of headers) {
    if (outgoing) outgoing.setHeader(name, value);
    else c.header(name, value);
  }
}
