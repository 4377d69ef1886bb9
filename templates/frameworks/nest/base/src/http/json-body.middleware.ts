import { Inject, Injectable, type NestMiddleware } from "@nestjs/common";
import express, { type NextFunction, type Request, type Response } from "express";
import type { Config } from "../config/env.js";
import { AppError } from "../core/errors.js";
import { isJsonInOtherCharset, UnsupportedCharsetError } from "../core/json-charset.js";
import { nestsDeeperThan } from "../core/json-depth.js";
import { CONFIG } from "../dependencies.module.js";
import { fromHttpError } from "./http-errors.js";

/**
 * Parses JSON bodies up to BODY_LIMIT, after the request logger (Nest's own parser runs before
 * it, so its failures would go unlogged). Any JSON value is parsed, so `[]` or `42` reaches
 * validation and is rejected there like any other invalid body; a body of another type, JSON in
 * another charset than UTF-8, or a body in a content coding (gzip, br), is a 415. A GET or HEAD
 * request's body means nothing (RFC 9110, section 9.3.1): it is left unread. JSON nested too
 * deeply is invalid before it is parsed (src/core/json-depth.ts).
 */
@Injectable()
export class JsonBodyMiddleware implements NestMiddleware {
  private readonly parse: express.RequestHandler;

  constructor(@Inject(CONFIG) config: Config) {
    this.parse = express.json({
      limit: config.BODY_LIMIT,
      strict: false,
      inflate: false,
      verify: (_req, _res, body) => {
        if (nestsDeeperThan(body.toString("utf8"))) throw new Error("JSON nested too deeply");
      },
    });
  }

  use(req: Request, res: Response, next: NextFunction): void {
    if (req.method === "GET" || req.method === "HEAD") {
      next();
    } else if (hasBody(req) && !req.is("application/json")) {
      next(
        new AppError(415, "UNSUPPORTED_MEDIA_TYPE", "The request body must be application/json."),
      );
    } else if (isJsonInOtherCharset(req.headers["content-type"])) {
      next(new UnsupportedCharsetError());
    } else {
      this.parse(req, res, (error?: unknown) => next(error && fromHttpError(error)));
    }
  }
}

function hasBody(req: Request): boolean {
  return (
    req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"]) > 0
  );
}
