import type { SerializedRequest, SerializedResponse } from "pino";
import { redactUrl, serializeError } from "../core/logger.js";

/**
 * pino-http's serializers for the request log line: the app's error serializer, which keeps
 * queries' values out, and the request's URL and a redirect's `Location` through `redactUrl`.
 * The request's `query` and `params` are left out: they repeat the URL, unmasked.
 */
export const httpLogSerializers = {
  err: serializeError,
  req: ({ query, params, ...req }: SerializedRequest) => ({ ...req, url: redactUrl(req.url) }),
  res: ({ headers, ...res }: SerializedResponse) => ({
    ...res,
    headers: headers.location ? { ...headers, location: redactUrl(headers.location) } : headers,
  }),
};
