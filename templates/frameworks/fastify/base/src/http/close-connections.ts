import fp from "fastify-plugin";

/**
 * While the server closes, Fastify answers requests that arrive with `Connection: close`; this
 * adds the header to the responses already in progress too, so each keep-alive connection
 * closes after its last response instead of staying open until its timeout.
 */
export const closeConnectionsOnClose = fp(
  async (app) => {
    let closing = false;
    app.addHook("preClose", async () => {
      closing = true;
    });
    app.addHook("onSend", async (_request, reply) => {
      if (closing) reply.header("Connection", "close");
    });
  },
  { name: "close-connections-on-close" },
);
