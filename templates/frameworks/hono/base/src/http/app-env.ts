import type { HttpBindings } from "@hono/node-server";
import type { RequestIdVariables } from "hono/request-id";
import type { Env as LoggerEnv } from "hono-pino";

/** What every handler's context carries: Node's request bindings, the request id and its logger. */
export interface AppEnv {
  Bindings: HttpBindings;
  Variables: RequestIdVariables & LoggerEnv["Variables"];
}
