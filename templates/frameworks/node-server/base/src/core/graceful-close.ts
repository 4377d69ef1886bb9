import type { Server, ServerResponse } from "node:http";
import type { Logger } from "pino";

/** Closes a server gracefully, giving in-flight requests `timeoutMs` to finish. */
export type CloseServer = (timeoutMs: number) => Promise<void>;

/**
 * Prepares `server` to be closed gracefully and returns the function that does it: it stops
 * accepting connections, closes idle keep-alive connections at once, and answers the requests
 * already received with `Connection: close`, so each connection closes after its last response.
 * It resolves once every connection is closed, cutting those still open after `timeoutMs`.
 */
export function gracefulClose(server: Server, logger: Logger): CloseServer {
  const inFlight = new Set<ServerResponse>();
  let closing = false;
  const closeAfter = (response: ServerResponse) => {
    if (!response.headersSent) response.setHeader("Connection", "close");
  };
  server.prependListener("request", (_request, response: ServerResponse) => {
    if (closing) closeAfter(response);
    inFlight.add(response);
    response.once("close", () => {
      inFlight.delete(response);
      // A response that had started before the close leaves its connection open, now idle.
      if (closing) server.closeIdleConnections();
    });
  });

  return (timeoutMs) =>
    new Promise((resolve, reject) => {
      closing = true;
      for (const response of inFlight) closeAfter(response);
      const timer = setTimeout(() => {
        logger.warn({ inFlight: inFlight.size }, "shutdown timeout: closing the open connections");
        server.closeAllConnections();
      }, timeoutMs);
      // Also closes the idle connections.
      server.close((error) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      });
    });
}
