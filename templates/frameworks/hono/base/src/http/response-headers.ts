import {
  type IncomingMessage,
  type OutgoingHttpHeader,
  type OutgoingHttpHeaders,
  ServerResponse,
} from "node:http";
import type { Context } from "hono";
import type { AppEnv } from "./app-env.js";

export type HeaderPairs = readonly (readonly [string, string])[];

type Headers = OutgoingHttpHeaders | OutgoingHttpHeader[];

/**
 * Node's response, holding the headers middleware decide before the handler runs until the
 * handler's own are written: both go out in one writeHead() call, as one flat list. Set one by
 * one with setHeader(), Node would also build and fill a header object for every response, the
 * largest cost of a small answer (see the README's performance notes). The handler's headers win
 * a clash, as they would over setHeader(). The server uses it through
 * serve({ serverOptions: { ServerResponse: ResponseWithPresetHeaders } }).
 */
export class ResponseWithPresetHeaders<
  Request extends IncomingMessage = IncomingMessage,
> extends ServerResponse<Request> {
  readonly #preset: HeaderPairs[] = [];

  /** Headers to write with the handler's, unless the handler sets the same ones. */
  presetHeaders(headers: HeaderPairs): void {
    this.#preset.push(headers);
  }

  override writeHead(
    statusCode: number,
    messageOrHeaders?: string | Headers,
    maybeHeaders?: Headers,
  ): this {
    const message = typeof messageOrHeaders === "string" ? messageOrHeaders : undefined;
    const headers = typeof messageOrHeaders === "string" ? maybeHeaders : messageOrHeaders;
    if (this.#preset.length === 0) return super.writeHead(statusCode, message, headers);
    if (Array.isArray(headers) || (headers && this.#clashes(headers))) {
      // Rare: Node merges them, the handler's set last.
      for (const pairs of this.#preset) {
        for (const [name, value] of pairs) this.setHeader(name, value);
      }
      return super.writeHead(statusCode, message, headers);
    }
    // Names and values alternating: the cheapest form writeHead() takes.
    const all: OutgoingHttpHeader[] = [];
    for (const pairs of this.#preset) {
      for (let i = 0; i < pairs.length; i++) all.push(pairs[i][0], pairs[i][1]);
    }
    for (const name in headers) {
      const value = headers[name];
      if (value !== undefined) all.push(name, value);
    }
    return super.writeHead(statusCode, message, all);
  }

  /** Whether the handler sets a header that middleware set too. */
  #clashes(headers: OutgoingHttpHeaders): boolean {
    for (const name in headers) {
      for (const pairs of this.#preset) {
        for (let i = 0; i < pairs.length; i++) {
          const preset = pairs[i][0];
          if (preset.length === name.length && preset.toLowerCase() === name.toLowerCase()) {
            return true;
          }
        }
      }
    }
    return false;
  }
}

/**
 * Sets response headers before the handler runs. Served by @hono/node-server with
 * ResponseWithPresetHeaders, they wait on Node's response and are written with the handler's.
 * Elsewhere (app.request() in tests) they go through c.header(), which gives the response a
 * WHATWG `Headers` object that @hono/node-server would have to convert back for Node.
 */
export function setResponseHeaders(c: Context<AppEnv>, headers: HeaderPairs): void {
  const outgoing = c.env?.outgoing;
  if (outgoing instanceof ResponseWithPresetHeaders) outgoing.presetHeaders(headers);
  else for (const [name, value] of headers) c.header(name, value);
}
