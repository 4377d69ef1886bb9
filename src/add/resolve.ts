import { RUN_COMMAND } from '../cli-name.js';
import { askingPrompter, type Context } from '../context.js';
import { CliError } from '../errors.js';
import { applies, MODULES } from '../modules/registry.js';
import { brokenRule, isAllowed } from '../options/rules.js';
import {
  ADDABLE,
  type Addable,
  CHOICE_KEYS,
  type Choices,
  choiceValues,
  metaOf,
} from '../options/schema.js';
import type { Manifest } from '../plan/manifest.js';
import type { ProjectSpec } from '../plan/plan.js';
import { parseFields } from '../resources/fields.js';
import { resourceNames, resourceWords } from '../resources/names.js';
import {
  defineResource,
  isExistingResource,
  type ResourceRecord,
  recordedResource,
  TODO,
} from '../resources/resource.js';
import { CLI_VERSION } from '../version.js';

/** What flags say about an `add` run. */
export interface AddInput extends ChangeFlags {
  /** Asked when missing and a person is there. */
  module?: string;
  value?: string;
  /** For `add resource`: the fields (`title:string,dueAt:date?`) and an irregular plural. */
  fields?: string;
  plural?: string;
}

/** The flags `add` and `update` share: how the change to the project is made and reported. */
export interface ChangeFlags {
  /** The package (directory or .tgz) of the version that made the project, instead of npm. */
  baseline?: string;
  dryRun?: boolean;
  json?: boolean;
  force?: boolean;
  install?: boolean;
  yes?: boolean;
}

/** What one `add` changes: the project spec before and after. */
export interface Addition {
  module: Addable | 'resource';
  value: string;
  /** How the addition is named in messages and in the command to re-run: `auth jwt`. */
  flag: string;
  before: ProjectSpec;
  after: ProjectSpec;
  alreadyThere?: boolean;
}

/**
 * Turn the flags (and answers to prompts, when a person is there) into the project before and
 * after the addition. Refuses, in one line, what cannot be added.
 */
export async function resolveAddition(
  input: AddInput,
  manifest: Manifest,
  ctx: Context,
): Promise<Addition> {
  const resources = manifestResources(manifest);
  const module = input.module ?? (await askModule(input, manifest, ctx));
  return module === 'resource'
    ? resourceAddition(input, manifest, resources, ctx)
    : choiceAddition({ ...input, module }, manifest, resources, ctx);
}

/**
 * `add` on its own: in a terminal, a pick of what this project can still take (a choice it has
 * none of, or a resource), each the value the rules leave open; otherwise the usage, in one line.
 */
async function askModule(input: AddInput, manifest: Manifest, ctx: Context): Promise<string> {
  const prompter = askingPrompter(ctx, input);
  if (!prompter) {
    throw new CliError(
      `Name what to add: ${RUN_COMMAND} add <module>, with one of ${[...ADDABLE, 'resource'].join(', ')}.`,
    );
  }
  const open = ADDABLE.filter((key) => manifest.options[key] === 'none');
  const needs = (perResourceModule()?.requires ?? []).find(
    (key) => manifest.options[key] === 'none',
  );
  return prompter.select({
    message: 'What should be added?',
    options: [
      ...open.map((key) => {
        const rule = addableValues(key).every((value) => !isAllowed(manifest.options, key, value))
          ? brokenRule({ ...manifest.options, [key]: addableValues(key)[0] })
          : undefined;
        return {
          value: key,
          label: key,
          hint: rule ? rule.reason : metaOf(key).description,
          ...(rule ? { disabled: true } : {}),
        };
      }),
      {
        value: 'resource',
        label: 'resource',
        hint: needs ? `needs a ${needs}` : 'a CRUD resource wired to the framework and ORM',
        ...(needs ? { disabled: true } : {}),
      },
    ],
  });
}

/**
 * The resources a manifest records, each with the plural it was generated with; manifests from
 * before resources were recorded had `todo`.
 */
export function manifestResources(manifest: Manifest): ResourceRecord[] {
  if (manifest.resources) return manifest.resources.map(recordedResource);
  return hasResources(manifest.options) ? [TODO] : [];
}

const perResourceModule = () => MODULES.find((module) => module.perResource);

function hasResources(choices: Choices): boolean {
  const module = perResourceModule();
  return module !== undefined && applies(module, choices);
}

async function choiceAddition(
  input: AddInput & { module: string },
  manifest: Manifest,
  resources: ResourceRecord[],
  ctx: Context,
): Promise<Addition> {
  const { key, value: named } = parseModule(input.module);
  if (named !== undefined && input.value !== undefined && input.value !== named) {
    // The other command only for a value it takes: the suggestion is for a shell.
    const other = addableValues(key).includes(input.value)
      ? `, or run "${RUN_COMMAND} add ${key} ${input.value}"`
      : '';
    throw new CliError(
      `"add ${input.module}" already names ${key} ${named}: drop "${input.value}"${other}.`,
    );
  }
  if (input.fields !== undefined || input.plural !== undefined) {
    throw new CliError(
      `--fields and --plural are for "add resource", not "add ${key}": drop them, or add a resource.`,
    );
  }
  const value = await resolveValue(
    key,
    { ...input, value: named ?? input.value },
    manifest.options,
    ctx,
  );
  const flag = `${key} ${value}`;
  const before = projectSpec(manifest, manifest.options, resources);
  if (manifest.options[key] === value) return alreadyThere(key, value, flag, before);
  if (manifest.options[key] !== 'none') {
    const flags = CHOICE_KEYS.map(
      (choice) => `--${choice} ${choice === key ? value : manifest.options[choice]}`,
    ).join(' ');
    throw new CliError(
      `This project has ${key} ${manifest.options[key]}, and add does not replace a choice: to move to ${value}, generate a scratch project with the same options and --${key} ${value} (${RUN_COMMAND} <dir> ${flags} --no-install --no-git) and copy over what differs.`,
    );
  }
  const choices: Choices = { ...manifest.options, [key]: value };
  const rule = brokenRule(choices);
  if (rule) throw new CliError(`${rule.addMessage}.`);
  // When the addition brings resources (a database), the project starts with the example one.
  const after = projectSpec(
    manifest,
    choices,
    hasResources(manifest.options) ? resources : undefined,
  );
  return { module: key, value, flag, before, after };
}

async function resourceAddition(
  input: AddInput,
  manifest: Manifest,
  resources: ResourceRecord[],
  ctx: Context,
): Promise<Addition> {
  const missing = (perResourceModule()?.requires ?? []).find(
    (key) => manifest.options[key] === 'none',
  );
  if (missing) {
    const [first] = addableValues(missing);
    throw new CliError(
      `A resource needs a ${missing}: run "${RUN_COMMAND} add ${missing} ${first}" first.`,
    );
  }
  const prompter = askingPrompter(ctx, input);
  const name =
    input.value ??
    (await prompter?.text({
      message: 'Resource name (singular)?',
      placeholder: 'invoice',
      validate: (value) =>
        value.trim() === ''
          ? 'Name the resource with a singular noun, e.g. invoice or line-item.'
          : problemOf(() => resourceNames(value)),
    }));
  if (!name) {
    throw new CliError(
      `Name the resource: ${RUN_COMMAND} add resource <name> --fields "title:string,amount:number".`,
    );
  }
  // Before the fields: the message asking for them repeats the name in a command.
  const kebab = resourceWords(name).join('-');
  const fields =
    input.fields ??
    (await prompter?.text({
      message: 'Fields (name:type, comma-separated)?',
      placeholder: 'title:string,amount:number,paid:boolean,dueAt:date?',
      validate: (value) => problemOf(() => parseFields(value, { asked: true })),
    }));
  if (fields === undefined) {
    throw new CliError(
      `Give the fields: ${RUN_COMMAND} add resource ${name} --fields "title:string,amount:number" (types: string, text, number, integer, boolean, date, enum(a|b); add ? for optional).`,
    );
  }
  // The same name again keeps the plural the project has it under (its manifest may predate
  // the pluralisation this version uses), so that it is recognised as already there.
  const plural = input.plural ?? resources.find((record) => record.name === kebab)?.plural;
  const resource = defineResource({ name, plural, fields });
  const flag = `resource ${resource.names.kebab}`;
  const before = projectSpec(manifest, manifest.options, resources);
  if (isExistingResource(resource, resources.map(defineResource))) {
    return alreadyThere('resource', resource.names.kebab, flag, before);
  }
  const after = projectSpec(manifest, manifest.options, [...resources, resource.record]);
  return { module: 'resource', value: resource.names.kebab, flag, before, after };
}

/** An addition the project already has: nothing to plan. */
function alreadyThere(
  module: Addition['module'],
  value: string,
  flag: string,
  spec: ProjectSpec,
): Addition {
  return { module, value, flag, before: spec, after: spec, alreadyThere: true };
}

/**
 * What `add <module>` names: a choice (`add cache`, its value asked or defaulted), or one of a
 * choice's values on its own (`add redis` for `add cache redis`, `add docker`, `add postgres`).
 */
function parseModule(name: string): { key: Addable; value?: string } {
  const key = ADDABLE.find((candidate) => candidate === name);
  if (key) return { key };
  const byValue = ADDABLE.find((candidate) => addableValues(candidate).includes(name));
  if (byValue) return { key: byValue, value: name };
  throw new CliError(
    `Unknown module "${name}": use one of ${[...ADDABLE, 'resource'].join(', ')} (or a value such as ${ADDABLE.flatMap(addableValues).join(', ')}).`,
  );
}

/** The values `add` can give a choice: all but `none`. */
function addableValues(key: Addable): string[] {
  return choiceValues(key).filter((value) => value !== 'none');
}

async function resolveValue(key: Addable, input: AddInput, current: Choices, ctx: Context) {
  const values = addableValues(key);
  if (input.value !== undefined) {
    if (!values.includes(input.value)) {
      throw new CliError(
        `Invalid value "${input.value}" for ${key}: use one of ${values.join(', ')}.`,
      );
    }
    return input.value;
  }
  const prompter = askingPrompter(ctx, input);
  if (!prompter || values.length === 1 || current[key] !== 'none') return values[0] ?? '';
  // As create does, a value the project's other choices rule out is not offered; when none
  // fits, the rule says what to add first before anything is asked.
  const allowed = values.filter((value) => isAllowed(current, key, value));
  const rule = allowed.length === 0 ? brokenRule({ ...current, [key]: values[0] }) : undefined;
  if (rule) throw new CliError(`${rule.addMessage}.`);
  const meta = metaOf(key);
  return prompter.select({
    message: meta.message,
    options: allowed.map((value) => ({
      value,
      label: meta.labels[value]?.label ?? value,
      hint: meta.labels[value]?.hint,
    })),
  });
}

function projectSpec(
  manifest: Manifest,
  choices: Choices,
  resources: ResourceRecord[] | undefined,
): ProjectSpec {
  return {
    name: manifest.name,
    pm: manifest.packageManager,
    cliVersion: CLI_VERSION,
    choices,
    ...(resources ? { resources } : {}),
  };
}

/** The one-line problem a validation throws, for a prompt to show; undefined when valid. */
function problemOf(check: () => unknown): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof CliError) return error.message;
    throw error;
  }
}
