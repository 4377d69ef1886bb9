import type { Auth } from "./auth.js";

type JsonObject = Record<string, unknown>;

interface Operation extends JsonObject {
  summary?: string;
  description?: string;
  operationId?: string;
  requestBody?: JsonObject;
  responses?: Record<string, { description?: string }>;
}

/** The parts of an OpenAPI document this merges into. */
export interface OpenApiDocumentLike {
  paths?: object;
  components?: { schemas?: object };
  tags?: { name: string }[];
}

/** How a signed-in browser is recognised: the session cookie Better Auth sets. */
export const sessionCookieScheme = {
  type: "apiKey",
  in: "cookie",
  name: "better-auth.session_token",
  description: "The session cookie set by /api/v1/auth/sign-in/* and /api/v1/auth/sign-up/email",
} as const;

const retryAfter = {
  "Retry-After": {
    description: "Seconds to wait before trying again",
    schema: { type: "integer" },
  },
};

const problem = (description: string, headers?: typeof retryAfter) => ({
  description,
  ...(headers && { headers }),
  content: {
    "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } },
  },
});

/**
 * The document with Better Auth's routes added under /api/v1/auth, as its OpenAPI plugin
 * describes them: public (they check the session themselves), tagged `auth`, answering problems
 * like every other route that uses the database. Its models are prefixed `Auth` so they cannot clash with the API's.
 */
export async function withAuthPaths<D extends OpenApiDocumentLike>(
  document: D,
  auth: Auth,
): Promise<D> {
  const generated = (await auth.api.generateOpenAPISchema()) as unknown as {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: JsonObject };
  };
  const { paths, schemas } = asOpenApi31(
    JSON.parse(
      JSON.stringify({ paths: generated.paths, schemas: generated.components.schemas }).replaceAll(
        '"#/components/schemas/',
        '"#/components/schemas/Auth',
      ),
    ),
  ) as { paths: typeof generated.paths; schemas: JsonObject };
  const authPaths = Object.fromEntries(
    Object.entries(paths).map(([path, item]) => [
      `/api/v1/auth${path}`,
      Object.fromEntries(
        Object.entries(item).map(([method, op]) => [
          method,
          asOurs(op, `${method.toUpperCase()} /api/v1/auth${path}`),
        ]),
      ),
    ]),
  );
  const authSchemas = Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [`Auth${name}`, schema]),
  );
  const merged: OpenApiDocumentLike = {
    ...document,
    paths: { ...document.paths, ...authPaths },
    components: {
      ...document.components,
      schemas: { ...document.components?.schemas, ...authSchemas },
    },
    ...(document.tags && { tags: [...document.tags, { name: "auth" }] }),
  };
  return merged as D;
}

function asOurs(operation: Operation, route: string): Operation {
  const { responses = {}, requestBody, description, operationId } = operation;
  const answers = Object.entries(responses).map(([status, response]) =>
    Number(status) >= 400 ? [status, problem(response.description ?? "Error")] : [status, response],
  );
  return {
    ...operation,
    summary: operation.summary ?? description?.split(/\.\s/)[0] ?? operationId ?? route,
    tags: ["auth"],
    security: [],
    ...(requestBody && { requestBody: { ...requestBody, required: true } }),
    responses: {
      ...Object.fromEntries(answers),
      ...(requestBody && {
        400: problem("Invalid request"),
        413: problem("Request body too large"),
        415: problem("Request body not sent as application/json"),
      }),
      429: problem("Too many requests", retryAfter),
      500: problem("Unexpected error"),
      // Sessions and accounts live in the database: while it cannot be reached, a 503.
      503: problem("Database unavailable", retryAfter),
    },
  };
}

const JSON_TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);

/**
 * Better Auth writes a few schemas the OpenAPI 3.0 way (`nullable`) and enum fields as a list
 * of values in `type`; OpenAPI 3.1 (JSON Schema) says `type: [T, "null"]` and `enum`.
 */
function asOpenApi31(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asOpenApi31);
  if (typeof value !== "object" || value === null) return value;
  const { nullable, ...schema } = Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, asOpenApi31(inner)]),
  ) as JsonObject & { nullable?: unknown; type?: unknown };
  if (Array.isArray(schema.type) && !schema.type.every((type) => JSON_TYPES.has(type))) {
    schema.enum = schema.type;
    schema.type = "string";
  }
  if (nullable === true && typeof schema.type === "string") schema.type = [schema.type, "null"];
  return schema;
}
