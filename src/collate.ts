/**
 * The order of `a.localeCompare(b, 'en')`: the order npm sorts `package.json` dependencies in,
 * and the order of a manifest's files. Loading ICU's collator, at its first use, costs about a
 * tenth of a scaffold's CPU time, and the strings sorted here (paths, package names) are nearly
 * always printable ASCII; for those, the order is ICU's root collation, written out below.
 * Anything else is compared by ICU itself. test/unit/collate.test.ts holds the two to the same
 * answers.
 */

// Printable ASCII by primary weight, as the root collation orders it: punctuation and symbols,
// then digits, then letters. A capital letter has its small letter's weight; when nothing else
// differs, the small letter comes first (the tertiary level).
const ORDER = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz';

/** Primary weight by character code, 0 for characters left to ICU. */
const WEIGHTS = new Uint8Array(128);
for (const [index, character] of [...ORDER].entries()) {
  WEIGHTS[character.charCodeAt(0)] = index + 1;
  WEIGHTS[character.toUpperCase().charCodeAt(0)] = index + 1;
}

let collator: Intl.Collator | undefined;

/** Negative when `a` sorts before `b`, positive after, 0 when the collation ranks them equal. */
export function compareText(a: string, b: string): number {
  let caseOrder = 0;
  const shorter = Math.min(a.length, b.length);
  for (let i = 0; i < shorter; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    const weight = weightOf(x);
    if (weight === 0 || weightOf(y) === 0) return icuCompare(a, b);
    if (weight !== weightOf(y)) {
      return isKnownFrom(a, i) && isKnownFrom(b, i) ? weight - weightOf(y) : icuCompare(a, b);
    }
    if (caseOrder === 0 && x !== y) caseOrder = x > y ? -1 : 1;
  }
  if (a.length === b.length) return caseOrder;
  // One starts with the other (letter case aside): the shorter comes first.
  return isKnownFrom(a, shorter) && isKnownFrom(b, shorter)
    ? a.length - b.length
    : icuCompare(a, b);
}

function weightOf(code: number): number {
  return code < WEIGHTS.length ? (WEIGHTS[code] as number) : 0;
}

/** Whether every character of `text` from `start` on has a weight in the table. */
function isKnownFrom(text: string, start: number): boolean {
  for (let i = start; i < text.length; i++) {
    if (weightOf(text.charCodeAt(i)) === 0) return false;
  }
  return true;
}

/**
 * `items` in the order of `compareText` over `textOf(item)`. A sort compares each item several
 * times, so each text's primary key is computed once (`primaryKey`); texts whose keys are equal
 * differ only in letter case, where the small letter comes first. Texts with anything but
 * printable ASCII are compared by `compareText`.
 */
export function sortByText<T>(items: Iterable<T>, textOf: (item: T) => string): T[] {
  const keyed = Array.from(items, (item) => {
    const text = textOf(item);
    return { item, text, key: primaryKey(text) };
  });
  keyed.sort((a, b) => {
    if (a.key === undefined || b.key === undefined) return compareText(a.text, b.text);
    if (a.key !== b.key) return a.key < b.key ? -1 : 1;
    return a.text === b.text ? 0 : a.text > b.text ? -1 : 1;
  });
  return keyed.map(({ item }) => item);
}

const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;
const PUNCTUATION = /[^0-9a-z]/g;

/** Punctuation and symbols by primary weight, as characters below the digits. */
const PUNCTUATION_KEYS = new Map(
  [...ORDER.slice(0, ORDER.indexOf('0'))].map((character, index) => [
    character,
    String.fromCharCode(index + 1),
  ]),
);

/**
 * A string that orders as the primary weights of `text` do, for printable ASCII: small letters
 * and digits stand for themselves, punctuation for characters below the digits. Undefined for
 * any other text.
 */
function primaryKey(text: string): string | undefined {
  if (!PRINTABLE_ASCII.test(text)) return undefined;
  return text
    .toLowerCase()
    .replace(PUNCTUATION, (character) => PUNCTUATION_KEYS.get(character) as string);
}

function icuCompare(a: string, b: string): number {
  collator ??= new Intl.Collator('en');
  return collator.compare(a, b);
}
