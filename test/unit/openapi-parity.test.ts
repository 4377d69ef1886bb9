import { describe, expect, it } from 'vitest';
import { differences, type Json, normaliseSchema } from '../e2e/support/openapi-parity.js';

type Document = { [key: string]: Json };

/** A small document in the shape the generated projects serve. */
const BASE: Document = {
  openapi: '3.1.0',
  info: { title: 'app', version: '0.1.0', description: 'Errors are problems.' },
  servers: [{ url: '/' }],
  tags: [{ name: 'system' }, { name: 'todos' }],
  paths: {
    '/api/v1/todos/{id}': {
      patch: {
        operationId: 'updateTodo',
        summary: 'Update a todo',
        tags: ['todos'],
        security: [{ bearerAuth: [] }],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Todo' } } },
        },
        responses: {
          200: {
            description: 'The todo',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Todo' } } },
          },
          404: { description: 'Not found', content: { 'application/problem+json': {} } },
          503: {
            description: 'Database unavailable',
            headers: { 'Retry-After': { schema: { type: 'integer' } } },
            content: { 'application/problem+json': {} },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Todo: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          rank: { type: ['integer', 'null'] },
          kind: { type: ['string', 'null'], enum: ['a', 'b', null] },
        },
        required: ['id', 'rank'],
      },
    },
    securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
  },
};

const PATCH = ['paths', '/api/v1/todos/{id}', 'patch'];
const TODO = ['components', 'schemas', 'Todo'];

/** A copy of BASE with the value at each path set, or removed where it is `undefined`. */
function changed(...edits: [string[], Json | undefined][]): Document {
  const doc = structuredClone(BASE);
  for (const [where, value] of edits) {
    const parent = where.slice(0, -1).reduce<Json>((node, key) => {
      if (typeof node !== 'object' || node === null) throw new Error(`no ${where.join('.')}`);
      return (node as Document)[key] as Json;
    }, doc) as Document;
    const key = where.at(-1) as string;
    if (value === undefined) delete parent[key];
    else parent[key] = value;
  }
  return doc;
}

describe('OpenAPI parity', () => {
  it('finds nothing between a document and itself reordered and reworded', () => {
    const reworded = changed(
      [['info', 'description'], 'Other words.'],
      [[...PATCH, 'summary'], 'Change a todo'],
      [[...PATCH, 'responses', '200', 'description'], 'Default Response'],
      [
        [...TODO, 'required'],
        ['rank', 'id'],
      ],
      [[...TODO, 'description'], 'A todo.'],
      [['tags'], [{ name: 'todos' }, { name: 'system' }]],
      [
        [...PATCH, 'responses', '503', 'headers'],
        { 'retry-after': { description: 'Seconds', schema: { type: 'integer' } } },
      ],
    );
    expect(differences({ a: BASE, b: reworded })).toEqual([]);
  });

  it.each<[string, [string[], Json | undefined]]>([
    ['an operationId', [[...PATCH, 'operationId'], 'patchTodo']],
    ['a tag', [[...PATCH, 'tags'], ['Todos']]],
    ['a security scheme name', [[...PATCH, 'security'], [{ bearer: [] }]]],
    ['a missing response', [[...PATCH, 'responses', '404'], undefined]],
    ['a content type', [[...PATCH, 'responses', '404', 'content'], {}]],
    ['a missing response header', [[...PATCH, 'responses', '503', 'headers'], undefined]],
    [
      "a response header's type",
      [[...PATCH, 'responses', '503', 'headers', 'Retry-After'], { schema: { type: 'string' } }],
    ],
    ['a body no longer required', [[...PATCH, 'requestBody', 'required'], false]],
    [
      'a body schema of another name',
      [
        [...PATCH, 'requestBody', 'content', 'application/json', 'schema', '$ref'],
        '#/components/schemas/TodoInput',
      ],
    ],
    ['a parameter not required', [[...PATCH, 'parameters', '0', 'required'], false]],
    ['an extra schema', [['components', 'schemas', 'TodoInput'], { type: 'object' }]],
    ['a property type', [[...TODO, 'properties', 'rank'], { type: 'number' }]],
    ['a required property', [[...TODO, 'required'], ['id']]],
    ['the declared tags', [['tags'], []]],
    ['the license', [['info', 'license'], { name: 'MIT' }]],
    ['a security scheme', [['components', 'securitySchemes'], {}]],
  ])('reports %s', (_what, edit) => {
    const found = differences({ a: BASE, b: changed(edit) });
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(/ — a: .* \| b: /);
  });

  it('reads a parameter through its $ref', () => {
    const parameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
    const shared = changed(
      [['components', 'parameters'], { id: parameter }],
      [[...PATCH, 'parameters'], [{ $ref: '#/components/parameters/id' }]],
    );
    expect(differences({ a: BASE, b: shared })).toEqual([]);
  });

  it('applies the document-wide security where an operation declares none', () => {
    const inherited = changed(
      [['security'], [{ bearerAuth: [] }]],
      [[...PATCH, 'security'], undefined],
    );
    expect(differences({ a: BASE, b: inherited })).toEqual([]);
  });

  it('reads the ways zod-to-openapi and zod write the same rule as one', () => {
    const zodToOpenApi: Json = {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid' },
        count: { type: 'integer' },
        rank: { type: ['integer', 'null'] },
        kind: { type: ['string', 'null'], enum: ['a', 'b', null] },
        status: { type: 'string', enum: ['ok'] },
      },
    };
    const zod: Json = {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid', pattern: '^[0-9a-f-]{36}$' },
        count: { type: 'integer', minimum: -9007199254740991, maximum: 9007199254740991 },
        rank: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
        kind: { anyOf: [{ type: 'string', enum: ['a', 'b'] }, { type: 'null' }] },
        status: { type: 'string', const: 'ok' },
      },
      additionalProperties: false,
    };
    expect(normaliseSchema(zod)).toEqual(normaliseSchema(zodToOpenApi));
  });

  it('keeps the rules that are not the same', () => {
    const pattern = { type: 'string', pattern: '^[a-z]+$' };
    expect(normaliseSchema(pattern)).toEqual(pattern);
    const int32 = { type: 'integer', minimum: -2147483648, maximum: 2147483647 };
    expect(normaliseSchema(int32)).toEqual(int32);
    // Null is not among this enum's values, whatever the type says.
    const enumWithoutNull: Json = { anyOf: [{ enum: ['a'] }, { type: 'null' }] };
    expect(normaliseSchema(enumWithoutNull)).toEqual(enumWithoutNull);
  });
});
