import { bodyLimit as honoBodyLimit } from "hono/body-limit";
import { AppError } from "../core/errors.js";

/** Refuses request bodies over `maxSize` bytes with a 413 problem. */
export const bodyLimit = (maxSize: number) =>
  honoBodyLimit({
    maxSize,
    onError: () => {
      // The body stays unread, and @hono/node-server cuts such a connection off shortly after;
      // closing it with the answer keeps the client from sending its next request on it.
      throw new AppError(413, "PAYLOAD_TOO_LARGE", "The request body is too large.", {
        Connection: "close",
      });
    },
  });
