import type { OpenAPIRegistry, ResponseConfig, RouteConfig } from "@asteasolutions/zod-to-openapi";
import type { Request, RequestHandler, Response, Router } from "express";
import type { z } from "zod";
import { AppError } from "../core/errors.js";
import { parseInput } from "../core/validation.js";
import { problemResponse } from "../openapi/responses.js";

type ObjectSchema = z.ZodObject | undefined;
type BodySchema = z.ZodType | undefined;
type Parsed<S, Otherwise> = S extends z.ZodType ? z.output<S> : Otherwise;

/** What the routes of one router share. */
export interface RouteGroup {
  /** Where the router is mounted, e.g. `/api/v1/todos`; the document lists full paths. */
  basePath: string;
  tags: string[];
  /** The security requirement of every route (e.g. `bearerAuth`); none by default. */
  security?: RouteConfig["security"];
  /** Whether the rate limiter runs before these routes, so they may answer 429. */
  rateLimited?: boolean;
}

export interface RouteSpec<P extends ObjectSchema, Q extends ObjectSchema, B extends BodySchema> {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** Relative to the router, in Express syntax: `/:id`. */
  path: string;
  operationId: string;
  summary: string;
  request?: { params?: P; query?: Q; body?: B };
  /** The route's own answers; the problems any route may answer are added (400, 401, 413, …). */
  responses: Record<number, ResponseConfig>;
  /** Middleware to run before the input is validated, e.g. `requireRole("admin")`. */
  before?: RequestHandler[];
}

/** A handler whose `req.params`, `req.query` and `req.body` hold the validated input. */
export type RouteHandler<P, Q, B> = (
  req: Request<Parsed<P, Record<string, string>>, unknown, Parsed<B, unknown>, Parsed<Q, unknown>>,
  res: Response,
) => Promise<void> | void;

class UnsupportedMediaTypeError extends AppError {
  constructor() {
    super(415, "UNSUPPORTED_MEDIA_TYPE", "The request body must be sent as application/json.");
  }
}

/**
 * Returns `route(spec, handler)`, which mounts a handler on `router` and adds its operation to
 * the OpenAPI document, both from the same zod schemas: each route is declared once.
 */
export function routes(router: Router, registry: OpenAPIRegistry, group: RouteGroup) {
  return <
    P extends ObjectSchema = undefined,
    Q extends ObjectSchema = undefined,
    B extends BodySchema = undefined,
  >(
    spec: RouteSpec<P, Q, B>,
    handler: RouteHandler<P, Q, B>,
  ): void => {
    const { params, query, body } = spec.request ?? {};
    registry.registerPath({
      method: spec.method,
      path: `${group.basePath}${spec.path === "/" ? "" : spec.path}`.replace(/:(\w+)/g, "{$1}"),
      operationId: spec.operationId,
      summary: spec.summary,
      tags: group.tags,
      security: group.security ?? [],
      request: {
        params,
        query,
        ...(body && {
          body: { required: true, content: { "application/json": { schema: body } } },
        }),
      },
      responses: { ...problemsOf(spec, group), ...spec.responses },
    });
    router[spec.method](
      spec.path,
      ...(spec.before ?? []),
      validate(params, query, body),
      // validate() has made `req` what the handler's type says.
      handler as unknown as RequestHandler,
    );
  };
}

function validate(params: ObjectSchema, query: ObjectSchema, body: BodySchema): RequestHandler {
  return (req, _res, next) => {
    if (body && req.is("application/json") === false) throw new UnsupportedMediaTypeError();
    if (params) replace(req, "params", parseInput(params, req.params));
    if (query) replace(req, "query", parseInput(query, req.query));
    if (body) replace(req, "body", parseInput(body, req.body));
    next();
  };
}

// Express 5 computes `req.query` in a getter, so parsed values are defined, not assigned.
function replace(req: Request, key: "params" | "query" | "body", value: unknown): void {
  Object.defineProperty(req, key, { value, writable: true, enumerable: true, configurable: true });
}

/** The problems a route can answer without its handler saying so. */
function problemsOf(
  spec: RouteSpec<ObjectSchema, ObjectSchema, BodySchema>,
  group: RouteGroup,
): Record<number, ResponseConfig> {
  const { params, query, body } = spec.request ?? {};
  const problems: Record<number, ResponseConfig> = {};
  if (params || query || body) problems[400] = problemResponse("Invalid request");
  if (group.security?.length) problems[401] = problemResponse("Missing or invalid access token");
  if (body) {
    problems[413] = problemResponse("Request body too large");
    problems[415] = problemResponse("Request body not sent as application/json");
  }
  if (group.rateLimited ?? true) problems[429] = problemResponse("Too many requests");
  problems[500] = problemResponse("Unexpected error");
  return problems;
}
