import fp from "fastify-plugin";
import { requestLogLevel } from "../core/logger.js";

/**
 * One line per request, when the response is sent, instead of Fastify's two (received and
 * completed), at the level requestLogLevel picks (successful probes only at debug): request
 * logging runs on every request and is its largest fixed cost. The line's fields are flat: under
 * `req`/`res` keys, pino would copy and re-serialise each line to apply the header redaction
 * paths.
 */
export const requestLogging = fp(
  async (app) => {
    app.addHook("onResponse", (request, reply, done) => {
      request.log[requestLogLevel(request.url, reply.statusCode)](
        {
          method: request.method,
          url: request.url,
          statusCode: reply.statusCode,
          responseTime: Math.round(reply.elapsedTime),
        },
        "request completed",
      );
      done();
    });
  },
  { name: "request-logging" },
);
