/**
 * What "the four frameworks serve the same OpenAPI document" means, as a function: each
 * document is reduced to the facts a client depends on, flattened to `where → value` lines, and
 * the lines that do not agree across documents are reported.
 *
 * Compared: the document's title, version, license, servers and tags; the paths and methods; per
 * operation its operationId, tags, security (the document's default applied), parameters,
 * request body and responses (status codes, content types, schemas, and headers: each name,
 * whatever its case, with its schema); `components.schemas` and `components.securitySchemes`.
 *
 * Left out, because they are prose a person reads and each framework words its own:
 * `description`, `summary` and `title` annotations, `example`/`examples` (illustrations, not
 * rules), `externalDocs`. Key order and the order of sets (tags, `required`, `enum`, `type`)
 * never count.
 *
 * Normalised, because the generators (zod-to-openapi, zod's `toJSONSchema`) write the same rule
 * in different words:
 * - a `pattern` beside a string `format` that implies it (zod's own regex for uuid, date-time…);
 * - integer bounds of ±(2^53 − 1), zod's "safe integer", which every JSON number in a JavaScript
 *   server already is;
 * - `const: v`, which is `enum: [v]`;
 * - `anyOf: [X, {type: 'null'}]` with a plain typed X, which is X with `'null'` added to its type;
 * - `additionalProperties: false` on objects: `toJSONSchema` writes it on every object it
 *   outputs, zod-to-openapi only on strict ones, while the servers strip (never reject) unknown
 *   properties either way;
 * - parameters and responses by `$ref` to `components`, which are read through.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** JSON Schema keywords that are annotations for people, not rules. */
const ANNOTATIONS = new Set([
  'description',
  'title',
  'example',
  'examples',
  '$comment',
  'externalDocs',
]);

/** String formats whose regular expression some generators spell out as a `pattern`. */
const FORMATS_WITH_PATTERNS = new Set([
  'uuid',
  'guid',
  'date-time',
  'date',
  'time',
  'duration',
  'email',
  'uri',
  'url',
  'ipv4',
  'ipv6',
  'cidrv4',
  'cidrv6',
  'base64',
  'base64url',
  'e164',
  'jwt',
  'cuid',
  'cuid2',
  'ulid',
  'nanoid',
  'emoji',
]);

/** Keywords whose value is one subschema. */
const SUBSCHEMA = new Set([
  'items',
  'additionalItems',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
  'unevaluatedItems',
  'unevaluatedProperties',
  'additionalProperties',
]);

/** Keywords whose value is a list of subschemas. */
const SUBSCHEMA_LISTS = new Set(['anyOf', 'oneOf', 'allOf', 'prefixItems']);

/** Keywords whose value is a map of name → subschema. */
const SUBSCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);

/** Keywords whose value is a set (its order means nothing). */
const SETS = new Set(['required', 'enum', 'type']);

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Sorted keys, recursively: two equal values print the same. */
function canonical(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key] as Json)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sortedSet = (values: Json[]): Json[] =>
  [...values].sort((a, b) => canonical(a).localeCompare(canonical(b)));

/** A JSON Schema as the rules it states (see the file comment for what is normalised). */
export function normaliseSchema(schema: Json | undefined): Json {
  if (!isObject(schema)) return schema ?? null;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key) || key === '$schema' || key === 'id') continue;
    if (key === '$ref' && typeof value === 'string') {
      out[key] = value.replace('#/components/schemas/', '');
    } else if (SUBSCHEMA.has(key) && isObject(value)) {
      out[key] = normaliseSchema(value);
    } else if (SUBSCHEMA_LISTS.has(key) && Array.isArray(value)) {
      out[key] = value.map(normaliseSchema);
    } else if (SUBSCHEMA_MAPS.has(key) && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, normaliseSchema(sub)]),
      );
    } else if (SETS.has(key) && Array.isArray(value)) {
      out[key] = sortedSet(value);
    } else {
      out[key] = value;
    }
  }
  if (typeof out.format === 'string' && FORMATS_WITH_PATTERNS.has(out.format)) delete out.pattern;
  if (out.type === 'integer' || canonical(out.type ?? null) === '["integer","null"]') {
    if (out.minimum === -Number.MAX_SAFE_INTEGER) delete out.minimum;
    if (out.maximum === Number.MAX_SAFE_INTEGER) delete out.maximum;
  }
  if (out.additionalProperties === false) delete out.additionalProperties;
  if ('const' in out && !('enum' in out)) {
    out.enum = [out.const as Json];
    delete out.const;
  }
  return foldNullable(out);
}

/** `anyOf: [{type: T, …}, {type: 'null'}]` (either order) as `{type: [T, 'null'], …}`. */
function foldNullable(schema: JsonObject): JsonObject {
  const { anyOf, ...rest } = schema;
  if (!Array.isArray(anyOf) || anyOf.length !== 2) return schema;
  const nullIndex = anyOf.findIndex((sub) => canonical(sub) === '{"type":"null"}');
  const other = anyOf[1 - nullIndex];
  if (nullIndex === -1 || !isObject(other) || typeof other.type !== 'string') return schema;
  if (Object.keys(rest).some((key) => key in other)) return schema;
  const folded: JsonObject = { ...rest, ...other, type: sortedSet([other.type, 'null']) };
  // An enum must list null too, or the folded schema would still refuse it.
  if (Array.isArray(other.enum) && !other.enum.includes(null)) {
    folded.enum = sortedSet([...other.enum, null]);
  }
  return folded;
}

/** Follows a `$ref` into the document's components (parameters, responses, request bodies). */
function resolve(document: JsonObject, value: Json | undefined): Json | undefined {
  if (!isObject(value) || typeof value.$ref !== 'string') return value;
  const target = value.$ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<Json | undefined>((node, part) => (isObject(node) ? node[part] : undefined), document);
  return target === undefined ? value : resolve(document, target);
}

function normaliseContent(content: Json | undefined): Json {
  if (!isObject(content)) return null;
  return Object.fromEntries(
    Object.entries(content).map(([type, media]) => [
      type,
      isObject(media) ? normaliseSchema(media.schema) : null,
    ]),
  );
}

/** Response headers by lower-cased name (HTTP's are case-insensitive), each its schema. */
function normaliseHeaders(headers: Json | undefined): Json {
  if (!isObject(headers)) return {};
  return Object.fromEntries(
    Object.entries(headers).map(([name, header]) => [
      name.toLowerCase(),
      isObject(header) ? normaliseSchema(header.schema) : null,
    ]),
  );
}

/** A security requirement list, as sets: `[]` is "public", absent is the document's default. */
function normaliseSecurity(security: Json | undefined): Json {
  if (!Array.isArray(security)) return '(none declared)';
  return sortedSet(
    security.map((requirement) =>
      isObject(requirement)
        ? Object.fromEntries(
            Object.keys(requirement)
              .sort()
              .map((name) => [name, requirement[name] ?? null]),
          )
        : requirement,
    ),
  );
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function normaliseOperation(document: JsonObject, operation: JsonObject, pathItem: JsonObject) {
  const parameters = [
    ...(Array.isArray(pathItem.parameters) ? pathItem.parameters : []),
    ...(Array.isArray(operation.parameters) ? operation.parameters : []),
  ]
    .map((parameter) => resolve(document, parameter))
    .filter(isObject);
  const requestBody = resolve(document, operation.requestBody);
  const responses = isObject(operation.responses) ? operation.responses : {};
  return {
    operationId: operation.operationId ?? null,
    tags: Array.isArray(operation.tags) ? sortedSet(operation.tags) : [],
    security: normaliseSecurity(operation.security ?? document.security),
    parameters: Object.fromEntries(
      parameters.map((parameter) => [
        `${String(parameter.in)} ${String(parameter.name)}`,
        {
          required: parameter.required === true,
          schema: normaliseSchema(parameter.schema),
          ...(parameter.content ? { content: normaliseContent(parameter.content) } : {}),
        },
      ]),
    ),
    requestBody: isObject(requestBody)
      ? { required: requestBody.required === true, content: normaliseContent(requestBody.content) }
      : null,
    responses: Object.fromEntries(
      Object.entries(responses).map(([status, response]) => {
        const resolved = resolve(document, response);
        return [
          status,
          isObject(resolved)
            ? {
                content: normaliseContent(resolved.content),
                headers: normaliseHeaders(resolved.headers),
              }
            : null,
        ];
      }),
    ),
  };
}

/** The facts of a document that must agree across frameworks, as one nested value. */
export function normaliseDocument(document: JsonObject): JsonObject {
  const info = isObject(document.info) ? document.info : {};
  const components = isObject(document.components) ? document.components : {};
  const paths = isObject(document.paths) ? document.paths : {};
  const operations: JsonObject = {};
  for (const [route, pathItem] of Object.entries(paths)) {
    if (!isObject(pathItem)) continue;
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (isObject(operation)) {
        operations[`${method.toUpperCase()} ${route}`] = normaliseOperation(
          document,
          operation,
          pathItem,
        ) as unknown as Json;
      }
    }
  }
  const schemas = isObject(components.schemas) ? components.schemas : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  return {
    openapi: document.openapi ?? null,
    info: {
      title: info.title ?? null,
      version: info.version ?? null,
      license: info.license ?? null,
    },
    servers: Array.isArray(document.servers)
      ? document.servers.map((server) => (isObject(server) ? (server.url ?? null) : server))
      : [],
    tags: Array.isArray(document.tags)
      ? sortedSet(document.tags.map((tag) => (isObject(tag) ? (tag.name ?? null) : tag)))
      : [],
    operations,
    schemas: Object.fromEntries(
      Object.entries(schemas).map(([name, schema]) => [name, normaliseSchema(schema)]),
    ),
    securitySchemes: Object.fromEntries(
      Object.entries(schemes).map(([name, scheme]) => [
        name,
        isObject(scheme)
          ? Object.fromEntries(Object.entries(scheme).filter(([key]) => !ANNOTATIONS.has(key)))
          : scheme,
      ]),
    ),
  };
}

/** One segment of a location: `.name` where that reads plainly, `["…"]` otherwise. */
const segment = (key: string) =>
  /^[A-Za-z_$][\w$-]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;

/**
 * Every leaf of a normalised document as `location → value`. Arrays are leaves (printed whole),
 * except `anyOf`/`oneOf`/`allOf`/`prefixItems`, whose members are followed by index.
 */
export function flatten(value: Json, at = '', into = new Map<string, string>()) {
  if (isObject(value) && Object.keys(value).length > 0) {
    for (const key of Object.keys(value).sort())
      flatten(value[key] as Json, at + segment(key), into);
  } else if (Array.isArray(value) && /\.(anyOf|oneOf|allOf|prefixItems)$/.test(at)) {
    for (const [index, member] of value.entries()) flatten(member, `${at}[${index}]`, into);
  } else {
    into.set(at.replace(/^\./, ''), canonical(value));
  }
  return into;
}

/**
 * The lines on which the documents disagree, one per location: each distinct value (or
 * `(absent)`) with the documents that have it. Empty when they all agree.
 */
export function differences(documents: Record<string, JsonObject>): string[] {
  const flat = Object.entries(documents).map(
    ([name, document]) => [name, flatten(normaliseDocument(document))] as const,
  );
  const locations = new Set(flat.flatMap(([, lines]) => [...lines.keys()]));
  const found: string[] = [];
  for (const location of [...locations].sort()) {
    const byValue = new Map<string, string[]>();
    for (const [name, lines] of flat) {
      const value = lines.get(location) ?? '(absent)';
      byValue.set(value, [...(byValue.get(value) ?? []), name]);
    }
    if (byValue.size > 1) {
      const values = [...byValue].map(([value, names]) => `${names.join(', ')}: ${value}`);
      found.push(`${location} — ${values.join(' | ')}`);
    }
  }
  return found;
}
