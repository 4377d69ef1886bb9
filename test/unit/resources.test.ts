import { describe, expect, it } from 'vitest';
import { postgresDialect } from '../../src/modules/postgres/dialect.js';
import { formatFields, parseFields } from '../../src/resources/fields.js';
import { pluralize, regularPluralName, resourceNames } from '../../src/resources/names.js';
import { defineResource } from '../../src/resources/resource.js';
import { resourceContext } from '../../src/resources/template-context.js';

describe('resource names', () => {
  it.each([
    ['invoice', 'invoices'],
    ['category', 'categories'],
    ['day', 'days'],
    ['box', 'boxes'],
    ['address', 'addresses'],
    ['batch', 'batches'],
  ])('pluralizes %s as %s', (word, plural) => {
    expect(pluralize(word)).toBe(plural);
  });

  it.each(['line-item', 'line_item', 'lineItem', 'LineItem'])(
    'spells %s every way generated code needs',
    (input) => {
      expect(resourceNames(input)).toEqual({
        singular: 'lineItem',
        plural: 'lineItems',
        Singular: 'LineItem',
        Plural: 'LineItems',
        kebab: 'line-item',
        kebabPlural: 'line-items',
        table: 'line_items',
        label: 'line item',
        labelPlural: 'line items',
        Label: 'Line item',
        aLabel: 'a line item',
      });
    },
  );

  it('puts the right article before a name', () => {
    expect(resourceNames('invoice').aLabel).toBe('an invoice');
    expect(resourceNames('todo').aLabel).toBe('a todo');
  });

  it('takes an irregular plural', () => {
    expect(resourceNames('person', 'people')).toMatchObject({ plural: 'people', table: 'people' });
  });

  it.each([
    ['todo', 'todos'],
    ['analysis', 'analyses'],
    ['child', 'children'],
    ['person', 'people'],
    ['line-item', 'line-items'],
    ['child-account', 'child-accounts'],
    ['order-child', 'order-children'],
    ['virus', 'viruses'],
    ['schema', 'schemas'],
    ['canvas', 'canvases'],
    ['lens', 'lenses'],
    ['category', 'categories'],
    ['bus', 'buses'],
  ])('gives %s the plural %s without --plural', (input, plural) => {
    expect(resourceNames(input)).toMatchObject({
      kebabPlural: plural,
      table: plural.replaceAll('-', '_'),
    });
  });

  it('lets --plural override the plural of an irregular noun', () => {
    expect(resourceNames('person', 'persons').kebabPlural).toBe('persons');
    expect(resourceNames('child', 'child-records').table).toBe('child_records');
  });

  it('takes a 20-character name whose plural is longer, as a manifest records it', () => {
    const names = resourceNames('abcdefghij-category');
    expect(names.kebabPlural).toBe('abcdefghij-categories');
    expect(resourceNames('abcdefghij-category', names.kebabPlural).table).toBe(
      'abcdefghij_categories',
    );
  });

  it.each([
    ['analysis', 'analysises'],
    ['line-item', 'line-items'],
    ['box', 'boxes'],
    ['category', 'categories'],
    ['people', 'peoples'],
  ])('gives %s the regular plural %s older manifests were generated with', (input, plural) => {
    expect(regularPluralName(input)).toBe(plural);
  });

  it.each([
    ['../../etc', /^Invalid resource name ".*": it is not a path/],
    ['a/b', /^Invalid resource name ".*": it is not a path/],
    ['a\\b', /^Invalid resource name ".*": it is not a path/],
    ['..', /^Invalid resource name ".*": it is not a path/],
    ['', /only letters, digits/],
    ['in voice', /only letters, digits/],
    ['9lives', /only letters, digits/],
    ['line--item', /only letters, digits/],
    ['line-9', /each word must start with a letter/],
    ['a-very-long-resource-name', /keep it to 20 characters/],
    ['user', /is taken by the generated project/],
    ['refresh-token', /is taken by the generated project/],
    ['health', /is taken by the generated project/],
    ['class', /reserved word/],
    ['promise', /reserved word/],
  ])('refuses %j', (input, message) => {
    expect(() => resourceNames(input)).toThrow(message);
  });

  it.each([
    ['orders', 'order', '/api/v1/orders'],
    ['line-items', 'line-item', '/api/v1/line-items'],
    ['categories', 'category', '/api/v1/categories'],
    ['boxes', 'box', '/api/v1/boxes'],
    ['horses', 'horse', '/api/v1/horses'],
    ['addresses', 'address', '/api/v1/addresses'],
    ['people', 'person', '/api/v1/people'],
    ['persons', 'person', '/api/v1/people'],
    ['analyses', 'analysis', '/api/v1/analyses'],
    ['children', 'child', '/api/v1/children'],
    ['child-accounts', 'child-account', '/api/v1/child-accounts'],
    ['order-children', 'order-child', '/api/v1/order-children'],
  ])('refuses the plural %j, suggesting %j', (input, singular, route) => {
    expect(() => resourceNames(input)).toThrow(`add resource ${singular}; its routes are ${route}`);
  });

  it('takes singulars that end in s, and a name the user declares singular with --plural', () => {
    for (const word of ['campus', 'address', 'analysis', 'bus']) {
      expect(resourceNames(word).singular).toBe(word);
    }
    expect(resourceNames('news', 'news-items').kebabPlural).toBe('news-items');
  });

  it('refuses a plural equal to the singular', () => {
    expect(() => resourceNames('sheep', 'sheep')).toThrow(/same singular and plural/);
  });

  it.each(['series', 'news', 'sheep', 'tv-series'])(
    'refuses %j, a noun with one form for singular and plural, pointing at --plural',
    (input) => {
      const kebab = input;
      expect(() => resourceNames(input)).toThrow(
        `Resource "${input}" has the same singular and plural; pass --plural with a different word (e.g. --plural ${kebab}-items).`,
      );
      expect(resourceNames(input, `${kebab}-items`).kebabPlural).toBe(`${kebab}-items`);
    },
  );

  it.each([
    ['page', 'Page', "Page of create-backend's own templates"],
    ['status', 'Status', "Status of create-backend's own templates"],
    ['auth-user', 'AuthUser', "AuthUser of create-backend's own templates"],
    ['column', 'columns', "columns of create-backend's own templates"],
    ['metric', 'metricsRoutes', "metricsRoutes of create-backend's own templates"],
    ['map', 'Map', 'the JavaScript global Map'],
    ['set', 'Set', 'the JavaScript global Set'],
    ['array', 'Array', 'the JavaScript global Array'],
    ['proxy', 'Proxy', 'the JavaScript global Proxy'],
    ['math', 'Math', 'the JavaScript global Math'],
    ['reg-exp', 'RegExp', 'the JavaScript global RegExp'],
  ])('refuses %j, whose code would clash, suggesting a name that works', (input, id, what) => {
    expect(() => resourceNames(input)).toThrow(
      `Resource name "${input}" would declare ${id}, which clashes with ${what}; choose another name, e.g. ${input}-item.`,
    );
    expect(resourceNames(`${input}-item`).kebab).toBe(`${input}-item`);
  });

  it.each(['pager', 'mapping', 'setting', 'item', 'json', 'index', 'metrics-entry'])(
    'takes %j, whose identifiers clash with nothing',
    (input) => {
      expect(resourceNames(input).kebab).toBe(input);
    },
  );

  it('gives advice that works for a plural-looking name whose singular is refused', () => {
    expect(() => resourceNames('classes')).toThrow(
      'Resource "classes" reads as the plural of "class", which cannot name a resource: if "classes" is singular, pass a different plural (add resource classes --plural classes-items), or choose another name.',
    );
    expect(() => resourceNames('classes', 'classes')).toThrow('--plural classes-items');
    expect(resourceNames('classes', 'classes-items').kebabPlural).toBe('classes-items');
  });
});

describe('fields', () => {
  it('parses every type, optional either side of the colon, and formats them back', () => {
    const fields = parseFields(
      ' title:string, body:text?, amount:number,count:integer,paid:boolean,dueAt?:date,status:enum(draft|sent|paid)?',
    );
    expect(fields).toEqual([
      { name: 'title', type: 'string', optional: false, values: [] },
      { name: 'body', type: 'text', optional: true, values: [] },
      { name: 'amount', type: 'number', optional: false, values: [] },
      { name: 'count', type: 'integer', optional: false, values: [] },
      { name: 'paid', type: 'boolean', optional: false, values: [] },
      { name: 'dueAt', type: 'date', optional: true, values: [] },
      { name: 'status', type: 'enum', optional: true, values: ['draft', 'sent', 'paid'] },
    ]);
    expect(formatFields(fields)).toBe(
      'title:string,body:text?,amount:number,count:integer,paid:boolean,dueAt:date?,status:enum(draft|sent|paid)?',
    );
  });

  it.each([
    ['', /No fields given/],
    ['title', /write it as name:type/],
    ['title:str', /unknown type "str"; use one of string, text/],
    ['Title:string', /start the name with a lowercase letter \(title\)/],
    ['id:string', /its column id is one every resource already has/],
    ['createdAt:date', /already has/],
    ['createdAT:date', /its column created_at is one every resource already has/],
    ['ownerId:string', /already has/],
    ['ownerID:string', /its column owner_id/],
    ['toString:string', /"toString" is a name every JavaScript object already has/],
    ['valueOf:number', /every JavaScript object/],
    ['hasOwnProperty:boolean', /every JavaScript object/],
    ['constructor:string', /every JavaScript object/],
    ['dueAt:date,dueAT:date', /"dueAt" and "dueAT" would share the column due_at/],
    ['due_at:date', /write it as name:type/],
    ['title?:string?', /mark it optional once/],
    ['title:string(5)', /type string takes no arguments/],
    ['status:enum', /list the values of an enum/],
    ['status:enum()', /list the values of an enum/],
    ['status:enum(a||b)', /list the values of an enum/],
    ['status:enum(Draft)', /enum value "Draft" must be lowercase/],
    ['status:enum(a|a)', /enum values must be different/],
    ['title:string,title:text', /Field "title" is given twice/],
    ['title:string,Title:text', /start the name with a lowercase letter/],
    ['aVeryLongFieldNameIndeed:string', /keep the name to 20 characters/],
  ])('refuses %j', (input, message) => {
    expect(() => parseFields(input)).toThrow(message);
  });
});

describe('resource template context', () => {
  const context = resourceContext(
    defineResource({
      name: 'invoice',
      fields: 'title:string,amount:number,paid:boolean,dueAt:date?,status:enum(draft|sent)',
    }),
    postgresDialect,
  );

  it('gives each field its validation, its response schema and its column', () => {
    const byName = Object.fromEntries(context.fields.map((field) => [field.name, field]));
    expect(byName.title).toMatchObject({
      input: 'storedText.trim().min(1).max(255)',
      schema: 'z.string()',
      builder: 'text("title").notNull()',
      required: true,
    });
    expect(byName.paid).toMatchObject({
      builder: 'boolean("paid").notNull().default(false)',
      required: false,
    });
    expect(byName.dueAt).toMatchObject({
      input: 'storedDate.nullable()',
      schema: 'z.iso.datetime().nullable()',
      builder: 'timestamptz("due_at")',
      required: false,
      isDate: true,
    });
    expect(byName.status).toMatchObject({
      input: 'z.enum(statusValues)',
      builder: 'statusEnum("status").notNull()',
      valuesDeclaration: 'export const statusValues = ["draft", "sent"] as const;',
      enumDeclaration: 'export const statusEnum = pgEnum("invoice_status", statusValues);',
    });
    expect(context.drizzleImports).toBe(
      'boolean, doublePrecision, index, pgEnum, pgTable, text, uuid',
    );
  });

  it('gives tests a valid value, another one and an invalid one of each type', () => {
    const samples = context.fields.map((field) => [field.sample, field.changed, field.invalid]);
    expect(samples).toEqual([
      ['"Sample title"', '"Updated title"', '""'],
      ['12.5', '99.25', '"many"'],
      ['true', 'false', '"yes"'],
      ['"2030-01-02T03:04:05.000Z"', '"2031-05-06T07:08:09.000Z"', '"tomorrow"'],
      ['"draft"', '"sent"', '"not-a-value"'],
    ]);
    expect(context.first.name).toBe('title');
  });
});
