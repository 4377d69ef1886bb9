import { RUN_COMMAND } from '../cli-name.js';
import type { ChoiceKey, Choices } from './schema.js';

/** A combination of choices that cannot work together, as a pure predicate. */
export interface CompatibilityRule {
  id: string;
  /** The choices the rule reads; it is only judged once all of them are known. */
  reads: readonly ChoiceKey[];
  /** True when the combination is allowed. */
  allows: (choices: Pick<Choices, ChoiceKey>) => boolean;
  /** One line naming the flags and the fix, for `create`. */
  message: string;
  /** The same for `add`, which can only add: what to add first. */
  addMessage: string;
}

export const RULES: readonly CompatibilityRule[] = [
  {
    id: 'auth-needs-database',
    reads: ['auth', 'database'],
    allows: (c) => c.auth === 'none' || c.database !== 'none',
    message: '--auth jwt needs a database: add --database postgres, or use --auth none',
    addMessage: `auth jwt needs a database: run "${RUN_COMMAND} add database postgres" first`,
  },
];

/**
 * The first rule the known choices break. Rules reading a choice not yet known are not judged,
 * so the same predicates filter prompts as they go and reject flags up front.
 */
export function brokenRule(known: Partial<Choices>): CompatibilityRule | undefined {
  return RULES.find(
    (rule) => rule.reads.every((key) => known[key] !== undefined) && !rule.allows(known as Choices),
  );
}

/** Whether `key = value` fits the choices already known. */
export function isAllowed<K extends ChoiceKey>(
  known: Partial<Choices>,
  key: K,
  value: Choices[K],
): boolean {
  return brokenRule({ ...known, [key]: value }) === undefined;
}
