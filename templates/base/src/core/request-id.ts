import { randomUUID } from "node:crypto";

const validRequestId = /^[A-Za-z0-9._-]{1,128}$/;

/** Echoes a well-formed incoming request id (e.g. from a proxy), otherwise makes a new one. */
export function resolveRequestId(incoming: string | string[] | undefined): string {
  return typeof incoming === "string" && validRequestId.test(incoming) ? incoming : randomUUID();
}
