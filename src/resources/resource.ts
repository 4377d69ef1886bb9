import { CliError } from '../errors.js';
import { type Field, formatFields, parseFields } from './fields.js';
import { type ResourceNames, regularPluralName, resourceNames } from './names.js';

/** A resource as `create-backend.json` records it: the name and fields as the user typed them. */
export interface ResourceRecord {
  name: string;
  /**
   * The kebab-case plural (`line-items`, `people`): recorded for every resource, so that a later
   * version's pluralisation never renames an existing resource's directory, table or routes.
   * Given on the command line only for an irregular noun (`--plural`); absent from the entries
   * of older manifests (see `recordedResource`).
   */
  plural?: string;
  /** Canonical `--fields` text, e.g. `title:string,done:boolean`. */
  fields: string;
}

/** A CRUD resource of a generated project: table, schemas, repository, service, routes, tests. */
export interface Resource {
  record: ResourceRecord;
  names: ResourceNames;
  fields: Field[];
}

/** The example resource every project with a database starts with (DESIGN.md §3). */
export const TODO: ResourceRecord = { name: 'todo', fields: 'title:string,done:boolean' };

/**
 * A resource as a project's manifest holds it. Manifests written before every plural was
 * recorded hold one only for `--plural`; the others were generated with the regular plural.
 */
export function recordedResource(record: ResourceRecord): ResourceRecord {
  return record.plural ? record : { ...record, plural: regularPluralName(record.name) };
}

/** Validate a record (from flags or a manifest) into a resource; errors are one line. */
export function defineResource(record: ResourceRecord): Resource {
  const names = resourceNames(record.name, record.plural);
  const fields = parseFields(record.fields);
  return {
    record: {
      name: names.kebab,
      plural: names.kebabPlural,
      fields: formatFields(fields),
    },
    names,
    fields,
  };
}

/**
 * Whether the project already has this resource (same names and fields: adding it again is a
 * no-op); a different resource whose names collide with an existing one is an error.
 */
export function isExistingResource(resource: Resource, existing: readonly Resource[]): boolean {
  const taken = existing.find(
    (other) =>
      other.names.table === resource.names.table ||
      other.names.kebab === resource.names.kebab ||
      other.names.Plural === resource.names.Plural,
  );
  if (!taken) return false;
  if (
    taken.record.fields === resource.record.fields &&
    taken.names.table === resource.names.table
  ) {
    return true;
  }
  throw new CliError(
    `This project already has the ${taken.names.label} resource (/api/v1/${taken.names.kebabPlural}) with other fields; choose another name, or change that one by hand.`,
  );
}
