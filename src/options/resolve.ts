import { CliError } from '../errors.js';
import type { Prompter } from '../ui/prompter.js';
import { brokenRule, isAllowed } from './rules.js';
import {
  CHOICE_KEYS,
  type ChoiceKey,
  type Choices,
  type CreateInput,
  choiceValues,
  DEFAULT_CHOICES,
  metaOf,
} from './schema.js';

/** How questions get answered: by a person, or by defaults when nobody can be asked. */
export interface Answering {
  interactive: boolean;
  prompter: Prompter | undefined;
}

/**
 * Complete the choices: flags first, then a prompt for each missing one (only the values
 * still compatible with what is known), or its default when nobody can be asked. A default
 * that the flags rule out gives way to the first value they allow.
 */
export async function resolveChoices(input: CreateInput, answering: Answering): Promise<Choices> {
  const given = Object.fromEntries(
    CHOICE_KEYS.filter((key) => input[key] !== undefined).map((key) => [key, input[key]]),
  ) as Partial<Choices>;
  assertCompatible(given);

  const known: Partial<Choices> = { ...given };
  for (const key of CHOICE_KEYS) {
    if (known[key] !== undefined) continue;
    const allowed = choiceValues(key).filter((value) => isAllowed(known, key, value));
    const fallback = allowed.includes(DEFAULT_CHOICES[key]) ? DEFAULT_CHOICES[key] : allowed[0];
    assign(
      known,
      key,
      answering.prompter && answering.interactive
        ? await ask(answering.prompter, key, known, fallback)
        : fallback,
    );
  }

  assertCompatible(known);
  // Always in schema order, so the manifest reads the same however the answers came in.
  return Object.fromEntries(CHOICE_KEYS.map((key) => [key, known[key]])) as Choices;
}

function assign<K extends ChoiceKey>(
  known: Partial<Choices>,
  key: K,
  value: Choices[K] | undefined,
) {
  if (value === undefined) throw new Error(`no value of ${key} fits the other choices`);
  known[key] = value;
}

/** Flags that break a rule among themselves are refused before anything is asked. */
function assertCompatible(known: Partial<Choices>): void {
  const rule = brokenRule(known);
  if (rule) throw new CliError(`${rule.message}.`);
}

async function ask<K extends ChoiceKey>(
  prompter: Prompter,
  key: K,
  known: Partial<Choices>,
  initialValue: Choices[K] | undefined,
): Promise<Choices[K]> {
  const meta = metaOf(key);
  return prompter.select({
    message: meta.message,
    initialValue,
    // A value the earlier answers rule out is shown, greyed, with the reason: a question with
    // one choice left still says why the others went.
    options: choiceValues(key).map((value) => {
      const rule = brokenRule({ ...known, [key]: value });
      return {
        value,
        label: meta.labels[value]?.label ?? value,
        hint: rule ? rule.reason : meta.labels[value]?.hint,
        ...(rule ? { disabled: true } : {}),
      };
    }),
  });
}
