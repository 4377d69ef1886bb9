import pc from 'picocolors';
import { RUN_COMMAND } from '../cli-name.js';
import { MODULES } from '../modules/registry.js';
import { brokenRule, RULES } from '../options/rules.js';
import {
  CHOICE_KEYS,
  type Choices,
  choiceValues,
  DEFAULT_CHOICES,
  metaOf,
  PACKAGE_MANAGERS,
} from '../options/schema.js';
import { FIELD_TYPES } from '../resources/fields.js';

/** Everything `list` reports, derived from the options schema, the rules and the modules. */
export interface Catalog {
  options: Record<
    string,
    {
      flag: string;
      description: string;
      default: string;
      values: { value: string; label: string; hint: string }[];
    }
  >;
  packageManagers: readonly string[];
  rules: { id: string; message: string }[];
  modules: { id: string; description: string }[];
  /** The field types `add resource --fields` takes. */
  resourceFieldTypes: readonly string[];
  combinations: Choices[];
}

/** Every complete set of choices that breaks no rule. */
export function validCombinations(): Choices[] {
  return CHOICE_KEYS.reduce<Partial<Choices>[]>(
    (partials, key) =>
      partials.flatMap((partial) =>
        choiceValues(key).map((value) => ({ ...partial, [key]: value })),
      ),
    [{}],
  ).filter((choices) => brokenRule(choices) === undefined) as Choices[];
}

export function buildCatalog(): Catalog {
  const options = Object.fromEntries(
    CHOICE_KEYS.map((key) => {
      const meta = metaOf(key);
      const values = choiceValues(key).map((value) => ({
        value,
        label: meta.labels[value]?.label ?? value,
        hint: meta.labels[value]?.hint ?? '',
      }));
      return [
        key,
        {
          flag: `--${meta.flag}`,
          description: meta.description,
          default: DEFAULT_CHOICES[key],
          values,
        },
      ];
    }),
  );
  return {
    options,
    packageManagers: PACKAGE_MANAGERS,
    rules: RULES.map(({ id, message }) => ({ id, message })),
    modules: MODULES.map(({ id, description }) => ({ id, description })),
    resourceFieldTypes: FIELD_TYPES,
    combinations: validCombinations(),
  };
}

/** The catalog as a person reads it. */
export function formatCatalog(catalog: Catalog): string {
  // One column for every label, however long the longest value (better-auth) is.
  const width = Math.max(
    ...Object.values(catalog.options).flatMap((option) => option.values.map((v) => v.value.length)),
  );
  const sections = Object.values(catalog.options).map((option) => {
    const values = option.values.map((v) => {
      const mark = v.value === option.default ? pc.green(' (default)') : '';
      return `    ${pc.cyan(v.value.padEnd(width))}  ${v.label}${mark}${pc.dim(` — ${v.hint}`)}`;
    });
    return [`  ${pc.bold(option.flag)}  ${option.description}`, ...values].join('\n');
  });
  const rules = catalog.rules.map((rule) => `  • ${rule.message}`);
  return [
    pc.bold('Options'),
    ...sections,
    `  ${pc.bold('--pm')}  package manager: ${catalog.packageManagers.join(', ')} (default: detected, else npm)`,
    '',
    pc.bold('Rules'),
    ...rules,
    '',
    pc.bold('Resources'),
    `  ${RUN_COMMAND} add resource <name> --fields "title:string,dueAt:date?,status:enum(a|b)"`,
    `  field types: ${catalog.resourceFieldTypes.join(', ')}; ? makes a field optional`,
    '',
    `${catalog.combinations.length} valid combinations (${RUN_COMMAND} list --json lists them).`,
  ].join('\n');
}
