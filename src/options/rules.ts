import { RUN_COMMAND } from '../cli-name.js';
import { MODULES } from '../modules/registry.js';
import { type ChoiceKey, type Choices, choiceValues } from './schema.js';

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
  /** Why a prompt shows the value it rules out, but not as a choice: `needs a database`. */
  reason: string;
}

/** The rules the modules declare: a module's `requires` refuses its choice without them. */
export const RULES: readonly CompatibilityRule[] = MODULES.flatMap((module) => {
  const { choice } = module;
  if (!choice) return [];
  return (module.requires ?? []).map((needed): CompatibilityRule => {
    const [first, ...others] = choiceValues(needed).filter((value) => value !== 'none');
    const alternatives = others.length > 0 ? ` (or ${others.join(', ')})` : '';
    return {
      id: `${choice.value}-needs-${needed}`,
      reads: [choice.key, needed],
      allows: (c) => c[choice.key] !== choice.value || c[needed] !== 'none',
      message: `--${choice.key} ${choice.value} needs a ${needed}: add --${needed} ${first}${alternatives}, or use --${choice.key} none`,
      addMessage: `${choice.key} ${choice.value} needs a ${needed}: run "${RUN_COMMAND} add ${needed} ${first}" first${alternatives}`,
      reason: `needs a ${needed}`,
    };
  });
});

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
export function isAllowed(known: Partial<Choices>, key: ChoiceKey, value: string): boolean {
  return brokenRule({ ...known, [key]: value }) === undefined;
}
