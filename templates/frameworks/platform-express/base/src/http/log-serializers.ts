import type { Request } from "express";
import type { SerializedRequest, SerializedResponse } from "pino";
import { redactUrl, serializeError } from "../core/logger.js";

/**
 * pino-http's serializers for the request log line: the app's error serializer, which keeps
 * queries' values out, and the fields Fastify logs of a request, not its headers (any of which
 * may carry a credential): the URL, query included, and a redirect's `Location` through
 * `redactUrl`, and the client's address as `trust proxy` counts it.
 */
export const httpLogSerializers = {
  err: serializeError,
  req: ({ id, method, url, remoteAddress, remotePort, raw }: SerializedRequest) => {
    const { ip, host } = raw as Request;
    return {
      id,
      method,
      url: redactUrl(url),
      host,
      remoteAddress: ip ?? remoteAddress,
      remotePort,
    };
  },
  res: ({ statusCode, headers }: SerializedResponse) => ({
    statusCode,
    ...(headers.location && { location: redactUrl(String(headers.location)) }),
  }),
};
