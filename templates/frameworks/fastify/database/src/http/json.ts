/** A value as JSON carries it: dates become ISO 8601 strings. */
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer Item)[]
    ? Json<Item>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

/**
 * Services return rows with `Date`s; the response schemas (the same ones the OpenAPI document
 * shows) describe them as the ISO strings clients receive, and the serializer checks every reply
 * against them, so routes hand over this JSON form.
 */
export function toJson<T>(value: T): Json<T> {
  if (value instanceof Date) return value.toISOString() as Json<T>;
  if (Array.isArray(value)) return value.map(toJson) as Json<T>;
  if (value !== null && typeof value === "object") {
    const json: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) json[key] = toJson(item);
    return json as Json<T>;
  }
  return value as Json<T>;
}
