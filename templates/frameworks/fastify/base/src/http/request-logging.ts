import fp from "fastify-plugin";

/**
 * One line per request, when the response is sent, instead of Fastify's two (received and
 * completed): request logging runs on every request and is its largest fixed cost. The line's
 * fields are flat: under `req`/`res` keys, pino would copy and re-serialise each line to apply
 * the header redaction paths.
 */
export const requestLogging = fp(
  async (app) => {
    app.addHook("onResponse", (request, reply, done) => {
      const line = {
        method: request.method,
        url: request.url,
        statusCode: reply.statusCode,
        responseTime: Math.round(reply.elapsedTime),
      };
      if (reply.statusCode >= 500) request.log.error(line, "request completed");
      else request.log.info(line, "request completed");
      done();
    });
  },
  { name: "request-logging" },
);
