import fp from "fastify-plugin";

/**
 * One line per request, when the response is sent, instead of Fastify's two (received and
 * completed): request logging runs on every request and is its largest fixed cost.
 */
export const requestLogging = fp(
  async (app) => {
    app.addHook("onResponse", async (request, reply) => {
      const line = {
        req: { method: request.method, url: request.url },
        res: { statusCode: reply.statusCode },
        responseTime: Math.round(reply.elapsedTime),
      };
      if (reply.statusCode >= 500) request.log.error(line, "request completed");
      else request.log.info(line, "request completed");
    });
  },
  { name: "request-logging" },
);
