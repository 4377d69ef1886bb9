import type { Dialect } from '../migrations/dialect.js';
import type { Field } from './fields.js';
import { type ResourceNames, snakeCase, words } from './names.js';
import type { Resource } from './resource.js';
import { fieldColumn } from './table.js';

/** What a resource template sees of one field: its names and the code snippets for it. */
export interface FieldContext {
  name: string;
  column: string;
  label: string;
  optional: boolean;
  isDate: boolean;
  isEnum: boolean;
  /** Required on create (flags start false, optional fields start null). */
  required: boolean;
  /** zod schema of the field in responses. */
  schema: string;
  /** zod schema that validates it in requests. */
  input: string;
  /** The drizzle column, e.g. `text("title").notNull()`. */
  builder: string;
  /** `export const statusValues = [...] as const;` for an enum field. */
  valuesDeclaration: string;
  /** What the table file declares for the field before the table (a PostgreSQL enum type). */
  enumDeclaration: string;
  /** A valid value, another valid value and an invalid one, as TypeScript literals. */
  sample: string;
  changed: string;
  invalid: string;
}

/** What a resource template sees as `resource`. */
export interface ResourceContext extends ResourceNames {
  fields: FieldContext[];
  enumFields: FieldContext[];
  hasDates: boolean;
  hasEnums: boolean;
  /** Whether a field is free text, validated by `storedText` (core/text.ts). */
  hasText: boolean;
  dateFields: FieldContext[];
  /** What the table file imports from the dialect's drizzle core module. */
  drizzleImports: string;
  /** `import` lines the schemas file needs for the dialect's own validation of some fields. */
  inputImports: string[];
  /** The first field: tests change it and send it invalid. */
  first: FieldContext;
  /** The `--fields` text, for the README and comments. */
  fieldsText: string;
}

/** The zod code each field type becomes: its request validation and its response schema. */
const CODE: Record<Field['type'], { input: (f: Field) => string; output: (f: Field) => string }> = {
  string: {
    input: () => 'storedText.trim().min(1).max(255)',
    output: () => 'z.string()',
  },
  text: {
    input: () => 'storedText.max(10_000)',
    output: () => 'z.string()',
  },
  number: {
    input: () => 'z.number()',
    output: () => 'z.number()',
  },
  integer: {
    // The range of a 32-bit integer column. Not `z.int32()`: zod-to-openapi documents that as a
    // plain number, where every framework's document should say integer and give the bounds.
    input: () => 'z.int().min(-2_147_483_648).max(2_147_483_647)',
    output: () => 'z.int()',
  },
  boolean: {
    input: () => 'z.boolean()',
    output: () => 'z.boolean()',
  },
  date: {
    input: () => 'z.iso.datetime({ offset: true })',
    output: () => 'z.iso.datetime()',
  },
  enum: {
    input: (f) => `z.enum(${f.name}Values)`,
    output: (f) => `z.enum(${f.name}Values)`,
  },
};

function samples(field: Field): [string, string, string] {
  const label = words(field.name);
  switch (field.type) {
    case 'string':
      return [JSON.stringify(`Sample ${label}`), JSON.stringify(`Updated ${label}`), '""'];
    case 'text':
      return [JSON.stringify(`Some text about the ${label}.`), '"Other text."', '42'];
    case 'number':
      return ['12.5', '99.25', '"many"'];
    case 'integer':
      return ['42', '7', '1.5'];
    case 'boolean':
      return ['true', 'false', '"yes"'];
    case 'date':
      return ['"2030-01-02T03:04:05.000Z"', '"2031-05-06T07:08:09.000Z"', '"tomorrow"'];
    case 'enum':
      return [
        JSON.stringify(field.values[0]),
        JSON.stringify(field.values.at(-1)),
        '"not-a-value"',
      ];
  }
}

function fieldContext(resource: Resource, field: Field, dialect: Dialect): FieldContext {
  const nullable = field.optional ? '.nullable()' : '';
  const modifiers = field.optional
    ? ''
    : field.type === 'boolean'
      ? '.notNull().default(false)'
      : '.notNull()';
  const column = snakeCase(field.name);
  const code = dialect.column(resource, field, fieldColumn(resource, field));
  const [sample, changed, invalid] = samples(field);
  const values = field.values.map((value) => JSON.stringify(value));
  return {
    name: field.name,
    column,
    label: words(field.name),
    optional: field.optional,
    isDate: field.type === 'date',
    isEnum: field.type === 'enum',
    required: !field.optional && field.type !== 'boolean',
    schema: `${CODE[field.type].output(field)}${nullable}`,
    input: `${code.input?.code ?? CODE[field.type].input(field)}${nullable}`,
    builder: `${code.builder}${modifiers}`,
    valuesDeclaration:
      field.type === 'enum'
        ? `export const ${field.name}Values = [${values.join(', ')}] as const;`
        : '',
    enumDeclaration: code.declaration ?? '',
    sample,
    changed,
    invalid,
  };
}

/** The template context of a resource. */
export function resourceContext(resource: Resource, dialect: Dialect): ResourceContext {
  const fields = resource.fields.map((field) => fieldContext(resource, field, dialect));
  const imports = new Set(dialect.tableImports);
  const inputImports = new Map<string, Set<string>>();
  for (const field of resource.fields) {
    const code = dialect.column(resource, field, fieldColumn(resource, field));
    for (const name of code.imports) imports.add(name);
    for (const [from, names] of Object.entries(code.input?.imports ?? {})) {
      inputImports.set(from, new Set([...(inputImports.get(from) ?? []), ...names]));
    }
  }
  const first = fields[0];
  if (!first) throw new Error(`resource ${resource.names.label} has no fields`);
  const enumFields = fields.filter((field) => field.isEnum);
  return {
    ...resource.names,
    fields,
    enumFields,
    dateFields: fields.filter((field) => field.isDate),
    hasDates: fields.some((field) => field.isDate),
    hasEnums: enumFields.length > 0,
    hasText: resource.fields.some((field) => field.type === 'string' || field.type === 'text'),
    drizzleImports: [...imports].sort().join(', '),
    inputImports: [...inputImports].map(
      ([from, names]) => `import { ${[...names].join(', ')} } from "${from}";`,
    ),
    first,
    fieldsText: resource.record.fields,
  };
}
