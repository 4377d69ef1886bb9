import { createHash, timingSafeEqual } from "node:crypto";
import { AppError } from "../core/errors.js";

export class MetricsTokenError extends AppError {
  constructor() {
    super(401, "UNAUTHORIZED", "A bearer token is required to read the metrics.", {
      "WWW-Authenticate": "Bearer",
    });
  }
}

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * Lets a scrape through when its `Authorization` header is `Bearer <METRICS_TOKEN>`; throws a
 * 401 problem otherwise. The comparison takes the same time whatever the header holds.
 */
export function checkMetricsToken(authorization: string | undefined, token: string) {
  const given = /^Bearer (.+)$/i.exec(authorization ?? "")?.[1] ?? "";
  if (!timingSafeEqual(digest(given), digest(token))) throw new MetricsTokenError();
}
