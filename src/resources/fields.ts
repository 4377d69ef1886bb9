import { CliError } from '../errors.js';
import { snakeCase } from './names.js';

/** The field types `--fields` accepts. */
export const FIELD_TYPES = [
  'string',
  'text',
  'number',
  'integer',
  'boolean',
  'date',
  'enum',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** One field of a resource, as parsed from `name:type` (`?` marks it optional). */
export interface Field {
  name: string;
  type: FieldType;
  optional: boolean;
  /** The values of an `enum(a|b|c)` field, in order. */
  values: string[];
}

/** Columns every resource has (auth adds the owner), so no field's column may take their names. */
const BUILT_IN_COLUMNS = new Set(['id', 'owner_id', 'created_at', 'updated_at']);

/**
 * Names every object already has in JavaScript: as a field they would shadow a method of the
 * row and schema objects the generated code passes around.
 */
const OBJECT_MEMBERS = new Set(Object.getOwnPropertyNames(Object.prototype));

const FIELD = /^([A-Za-z][A-Za-z0-9]*)(\?)?:([a-z]+)(?:\(([^)]*)\))?(\?)?$/;
const ENUM_VALUE = /^[a-z][a-z0-9_-]*$/;
const MAX_FIELDS = 60;

/**
 * Parse `--fields "title:string,amount:number,status:enum(draft|sent),note:text?"` into fields.
 * Any mistake is one line naming the field and the fix; nothing is ever guessed. `asked`: the
 * fields were typed at a prompt, so the messages do not speak of the flag.
 */
export function parseFields(input: string, { asked = false } = {}): Field[] {
  const where = asked ? '' : ' in --fields';
  const parts = input
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  if (parts.length === 0) {
    const how = asked ? 'write them as "name:type,…"' : 'pass --fields "name:type,…"';
    throw new CliError(
      `No fields given: ${how} with types string, text, number, integer, boolean, date or enum(a|b).`,
    );
  }
  if (parts.length > MAX_FIELDS) {
    throw new CliError(
      `Too many fields (${parts.length}); a resource takes at most ${MAX_FIELDS}.`,
    );
  }
  const fields = parts.map((part) => parseField(part, where));
  const seen = new Map<string, string>();
  for (const field of fields) {
    const column = snakeCase(field.name);
    const earlier = seen.get(field.name.toLowerCase()) ?? seen.get(column);
    if (earlier === field.name) {
      throw new CliError(`Field "${field.name}" is given twice${where}.`);
    }
    if (earlier !== undefined) {
      throw new CliError(
        `Fields "${earlier}" and "${field.name}" would share the column ${column}; rename one of them.`,
      );
    }
    seen.set(field.name.toLowerCase(), field.name);
    seen.set(column, field.name);
  }
  return fields;
}

function parseField(part: string, where: string): Field {
  const match = FIELD.exec(part);
  const fail = (why: string): never => {
    throw new CliError(`Invalid field "${part}"${where}: ${why}.`);
  };
  if (!match) {
    return fail(
      'write it as name:type, e.g. title:string, dueAt:date?, status:enum(draft|sent); names are letters and digits starting with a letter',
    );
  }
  const [, name = '', optionalName, type = '', args, optionalType] = match;
  if (!/^[a-z]/.test(name)) fail(`start the name with a lowercase letter (${lowerFirst(name)})`);
  if (BUILT_IN_COLUMNS.has(snakeCase(name))) {
    fail(`its column ${snakeCase(name)} is one every resource already has`);
  }
  if (OBJECT_MEMBERS.has(name)) fail(`"${name}" is a name every JavaScript object already has`);
  if (name.length > 20) fail('keep the name to 20 characters');
  const fieldType = FIELD_TYPES.find((candidate) => candidate === type);
  if (!fieldType) fail(`unknown type "${type}"; use one of ${FIELD_TYPES.join(', ')}`);
  if (optionalName && optionalType) fail('mark it optional once');
  const optional = Boolean(optionalName ?? optionalType);
  if (fieldType !== 'enum') {
    if (args !== undefined) fail(`type ${type} takes no arguments`);
    return { name, type: fieldType as FieldType, optional, values: [] };
  }
  const values = (args ?? '').split('|').map((value) => value.trim());
  if (args === undefined || values.some((value) => value === '')) {
    fail('list the values of an enum, e.g. status:enum(draft|sent|paid)');
  }
  const bad = values.find((value) => !ENUM_VALUE.test(value));
  if (bad !== undefined) {
    fail(`enum value "${bad}" must be lowercase letters, digits, - or _, starting with a letter`);
  }
  if (new Set(values).size !== values.length) fail('enum values must be different');
  return { name, type: 'enum', optional, values };
}

/** The canonical `--fields` text of fields, as recorded in the manifest. */
export function formatFields(fields: readonly Field[]): string {
  return fields
    .map((field) => {
      const args = field.type === 'enum' ? `(${field.values.join('|')})` : '';
      return `${field.name}:${field.type}${args}${field.optional ? '?' : ''}`;
    })
    .join(',');
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
