import type { HttpBindings } from "@hono/node-server";
import type { RequestIdVariables } from "hono/request-id";
import type { Logger } from "pino";

/** What every handler's context carries: Node's request bindings, the request id and its logger. */
export interface AppEnv {
  Bindings: HttpBindings;
  Variables: RequestIdVariables & { logger: Logger };
}
