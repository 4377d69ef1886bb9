import pluralizeWord from 'pluralize';
import { CliError } from '../errors.js';
import { identifierClash } from './identifiers.js';

/** The spellings one resource name takes in generated code, paths and prose. */
export interface ResourceNames {
  /** `lineItem`: a variable holding one. */
  singular: string;
  /** `lineItems`: a variable holding many, the service's name in the container. */
  plural: string;
  /** `LineItem`: the row type and schema ids. */
  Singular: string;
  /** `LineItems`: class names (`LineItemsService`). */
  Plural: string;
  /** `line-item`: file names of single-item things (`line-item.schemas.ts`). */
  kebab: string;
  /** `line-items`: the module directory and the URL segment (`/api/v1/line-items`). */
  kebabPlural: string;
  /** `line_items`: the table. */
  table: string;
  /** `line item` / `line items`: messages, OpenAPI summaries, tags. */
  label: string;
  labelPlural: string;
  /** `Line item`: the start of a sentence. */
  Label: string;
  /** `a line item`, `an invoice`. */
  aLabel: string;
}

/** Names generated code already uses for something else. */
const RESERVED = new Set([
  'api',
  'auth',
  'docs',
  'health',
  'openapi',
  'ready',
  'refresh-token',
  'user',
]);

// Words that cannot name a variable or class in TypeScript (or would shadow a global).
const KEYWORDS = new Set(
  (
    'arguments await break case catch class const continue debugger default delete do else enum ' +
    'eval export extends false finally for function if implements import in instanceof interface ' +
    'let new null package private protected public return static super switch this throw true try ' +
    'typeof var void while with yield object string number boolean symbol date error promise'
  ).split(' '),
);

const WORD = /^[a-z][a-z0-9]*$/;

const NAME_LENGTH = 20;
// A plural may outgrow its 20-character name (`abcdefghij-category` → `…-categories`); with
// `_owner_id_created_at_id_idx` its table's longest index name stays under MySQL's and
// PostgreSQL's 63 characters.
const PLURAL_LENGTH = 30;

/** What a resource name and its plural may be, for the one line that refuses one. */
const WORDS_OF = {
  name: {
    what: 'resource name',
    use: 'a singular noun in letters and digits, e.g. invoice or line-item',
    maxLength: NAME_LENGTH,
  },
  plural: {
    what: 'plural (--plural)',
    use: 'a plural noun in letters and digits, e.g. line-items',
    maxLength: PLURAL_LENGTH,
  },
};

/**
 * Split a resource name the user typed (`invoice`, `line-item`, `line_item`, `lineItem`), or a
 * plural (`kind`), into lowercase words, or explain in one line why it is not one. Neither is
 * ever a path: `/`, `\` and `..` are refused here, before anything is planned.
 */
export function resourceWords(input: string, kind: keyof typeof WORDS_OF = 'name'): string[] {
  const { what, use, maxLength } = WORDS_OF[kind];
  const fail = (why: string): never => {
    throw new CliError(`Invalid ${what} "${input}": ${why}. Use ${use}.`);
  };
  if (/[/\\]|\.\./.test(input)) fail('it is not a path');
  if (!/^[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*$/.test(input)) {
    fail('only letters, digits and single - or _ between words are allowed');
  }
  if (input.length > maxLength) fail(`keep it to ${maxLength} characters`);
  const words = input
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .split(/[-_]/);
  if (!words.every((word) => WORD.test(word))) fail('each word must start with a letter');
  return words;
}

// Where pluralize's rules give the wrong or a bookish word for a resource: `viri`, `schemata`,
// and `canvas` or `lens` read as the plurals of `canva` and `len`.
for (const [singular, plural] of [
  ['virus', 'viruses'],
  ['schema', 'schemas'],
  ['canvas', 'canvases'],
  ['lens', 'lenses'],
] as const) {
  pluralizeWord.addIrregularRule(singular, plural);
}

/** English plural of a lowercase word, irregular nouns included (`child` → `children`). */
export function pluralize(word: string): string {
  return pluralizeWord.plural(word);
}

/**
 * The plural create-backend gave a lowercase word before it knew irregular nouns: what a
 * project whose manifest records no plural was generated with (`analysis` → `analysises`).
 */
function regularPlural(word: string): string {
  if (/(?:s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** A name's plural by `regularPlural`, its last word pluralised (`line-item` → `line-items`). */
export function regularPluralName(input: string): string {
  const words = resourceWords(input);
  return [...words.slice(0, -1), regularPlural(words.at(-1) ?? '')].join('-');
}

/**
 * The singular a lowercase word is the plural of (`orders` → `order`, `people` → `person`), or
 * undefined when it reads as a singular; a noun with one form for both (`series`, `sheep`)
 * reads as a singular, and `spell` refuses it for having no plural of its own.
 */
export function singularOf(word: string): string | undefined {
  if (!pluralizeWord.isPlural(word) || pluralizeWord.isSingular(word)) return undefined;
  const singular = pluralizeWord.singular(word);
  return singular.length > 1 && singular !== word ? singular : undefined;
}

/** Every spelling of a resource name; `pluralInput` (`--plural`, a manifest's) sets the plural. */
export function resourceNames(input: string, pluralInput?: string): ResourceNames {
  const words = resourceWords(input);
  const singular = pluralInput ? undefined : singularOf(words.at(-1) ?? '');
  if (singular !== undefined) {
    const suggestion = [...words.slice(0, -1), singular].join('-');
    // The plural must differ from the name: `--plural news` alone is refused below.
    const asSingular = `if "${input}" is singular, pass a different plural (add resource ${input} --plural ${input}-items)`;
    const suggested = usable(suggestion);
    if (!suggested) {
      throw new CliError(
        `Resource "${input}" reads as the plural of "${suggestion}", which cannot name a resource: ${asSingular}, or choose another name.`,
      );
    }
    throw new CliError(
      `Resource "${input}" reads as a plural: name the singular (add resource ${suggestion}; its routes are /api/v1/${suggested.kebabPlural}), or ${asSingular}.`,
    );
  }
  const names = spell(input, words, pluralInput);
  const clash = identifierClash(names);
  if (clash) {
    const what = clash.global
      ? `the JavaScript global ${clash.identifier}`
      : `${clash.identifier} of create-backend's own templates`;
    const other = [`${names.kebab}-item`, `${names.kebab}-entry`].find(usable);
    throw new CliError(
      `Resource name "${input}" would declare ${clash.identifier}, which clashes with ${what}; choose another name${other ? `, e.g. ${other}` : ''}.`,
    );
  }
  return names;
}

/** A name's spellings when it passes every check with its own plural; undefined otherwise. */
function usable(name: string): ResourceNames | undefined {
  try {
    return resourceNames(name);
  } catch {
    return undefined;
  }
}

function spell(input: string, words: string[], pluralInput?: string): ResourceNames {
  const pluralWords = pluralInput
    ? resourceWords(pluralInput, 'plural')
    : [...words.slice(0, -1), pluralize(words.at(-1) ?? '')];
  const camel = (parts: string[]) =>
    parts.map((part, index) => (index === 0 ? part : capitalize(part))).join('');
  const names: ResourceNames = {
    singular: camel(words),
    plural: camel(pluralWords),
    Singular: capitalize(camel(words)),
    Plural: capitalize(camel(pluralWords)),
    kebab: words.join('-'),
    kebabPlural: pluralWords.join('-'),
    table: pluralWords.join('_'),
    label: words.join(' '),
    labelPlural: pluralWords.join(' '),
    Label: capitalize(words.join(' ')),
    aLabel: `${/^[aeiou]/.test(words[0] ?? '') ? 'an' : 'a'} ${words.join(' ')}`,
  };
  for (const name of [names.kebab, names.kebabPlural]) {
    if (RESERVED.has(name) || RESERVED.has(`${name.replace(/s$/, '')}`)) {
      throw new CliError(
        `Resource name "${input}" is taken by the generated project (${name}); choose another name.`,
      );
    }
  }
  if (names.plural === names.singular) {
    throw new CliError(
      `Resource "${input}" has the same singular and plural; pass --plural with a different word (e.g. --plural ${names.kebab}-items).`,
    );
  }
  for (const name of [names.singular, names.plural]) {
    if (KEYWORDS.has(name.toLowerCase())) {
      throw new CliError(
        `Resource name "${input}" is a reserved word in TypeScript; choose another name.`,
      );
    }
  }
  return names;
}

/** `dueAt` → `due_at`: the column of a field. */
export function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** `dueAt` → `due at`: a field in prose. */
export function words(name: string): string {
  return snakeCase(name).replaceAll('_', ' ');
}

export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
