import type { ResourceNames } from './names.js';

/**
 * The global object properties of ECMAScript that Biome's `noShadowRestrictedNames` refuses as
 * a binding's name (its `ES_BUILTIN` list), so the generated project would fail its own lint.
 */
export const ES_GLOBALS: ReadonlySet<string> = new Set(
  (
    'AggregateError Array ArrayBuffer Atomics BigInt BigInt64Array BigUint64Array Boolean ' +
    'DataView Date Error EvalError FinalizationRegistry Float32Array Float64Array Function ' +
    'Infinity Int16Array Int32Array Int8Array Intl JSON Map Math NaN Number Object Promise Proxy ' +
    'RangeError ReferenceError Reflect RegExp Set SharedArrayBuffer String Symbol SyntaxError ' +
    'TypeError URIError Uint16Array Uint32Array Uint8Array Uint8ClampedArray WeakMap WeakRef ' +
    'WeakSet constructor decodeURI decodeURIComponent encodeURI encodeURIComponent escape eval ' +
    'globalThis hasOwnProperty isFinite isNaN isPrototypeOf parseFloat parseInt ' +
    'propertyIsEnumerable toLocaleString toString undefined unescape valueOf'
  ).split(' '),
);

/**
 * What the project's own templates import or declare, at the top of a file where a resource's
 * identifiers are declared or imported too (its module files, `app.ts`, `container.ts`,
 * `api.module.ts`), that a resource name could spell. Every module counts, present or not, as
 * a module added later must not clash with the resources already there (`metric` and otel's
 * `metricsRoutes`). test/unit/resource-identifiers.test.ts keeps the list complete.
 */
export const PROJECT_IDENTIFIERS: ReadonlySet<string> = new Set(
  (
    'ApiModule AuthModule AuthService DATABASE Database Inject Injectable NotFoundError Page ' +
    'PageQuery RefreshTokensRepository UsersModule UsersRepository UsersService afterCursor and ' +
    'apiIndexRouter apiIndexRoutes asc authRouter authRoutes byId columns docsRouter eq ' +
    'healthRouter healthRoutes index metricsRouter metricsRoutes mysqlEnum mysqlTable owned ' +
    'pageQuerySchema pageSchema pgEnum pgTable randomUUID sqliteTable text timestamp timestamptz ' +
    'toDate users usersRouter usersRoutes utcDatetime utcNow uuid varchar'
  ).split(' '),
);

/**
 * The ids of the schemas the project's own templates put in `/openapi.json`'s components (with
 * Better Auth's models, which the document merges in prefixed `Auth`). A resource's schema of
 * the same id would silently take its place in the document.
 * test/unit/resource-identifiers.test.ts keeps the list complete.
 */
export const PROJECT_SCHEMA_IDS: ReadonlySet<string> = new Set(
  (
    'ApiIndex AuthAccount AuthSession AuthTwoFactor AuthUser AuthVerification Login Problem ' +
    'RefreshToken Register Session Status Tokens User UserPage'
  ).split(' '),
);

/** The ids of the OpenAPI schemas the resource templates declare for a resource. */
export function resourceSchemaIds({ Singular: One }: ResourceNames): string[] {
  return [One, `${One}Page`, `Create${One}`, `Update${One}`];
}

/** The identifiers the resource templates declare for a resource, one per way it is spelled. */
export function resourceIdentifiers(names: ResourceNames): string[] {
  const { singular: one, plural: many, Singular: One, Plural: Many } = names;
  return [
    many,
    One,
    `${one}Schema`,
    `${one}PageSchema`,
    `${one}ParamsSchema`,
    `create${One}Schema`,
    `update${One}Schema`,
    `Create${One}`,
    `Update${One}`,
    `${One}Params`,
    `${Many}Repository`,
    `${Many}Service`,
    `${Many}Controller`,
    `${Many}Module`,
    `${Many}RoutesOptions`,
    `${many}Routes`,
    `${many}Router`,
  ];
}

/** Why a resource's generated code would not compile or lint, as the clashing identifier. */
export function identifierClash(
  names: ResourceNames,
): { identifier: string; global: boolean } | undefined {
  for (const identifier of resourceIdentifiers(names)) {
    if (ES_GLOBALS.has(identifier)) return { identifier, global: true };
    if (PROJECT_IDENTIFIERS.has(identifier)) return { identifier, global: false };
  }
  for (const identifier of resourceSchemaIds(names)) {
    if (PROJECT_SCHEMA_IDS.has(identifier)) return { identifier, global: false };
  }
  return undefined;
}
