import { sortByText } from '../collate.js';
import { editJson } from './json.js';

type Json = Record<string, unknown>;
type Section = Record<string, string>;

const SECTIONS = ['scripts', 'dependencies', 'devDependencies'] as const;
const SORTED = new Set<string>(['dependencies', 'devDependencies']);

/**
 * Bring the user's package.json from what the CLI generated before (`before`) to what it
 * generates now (`after`): entries the change adds or re-pins are set, entries it drops are
 * removed, everything else the user has (their own scripts and dependencies, other fields,
 * indentation) is kept. Dependency sections stay sorted, as npm writes them.
 */
export function mergePackageJson(content: string, before: Json, after: Json): string {
  return editJson<Json>(content, (pkg) => {
    let changed = false;
    const next: Json = { ...pkg };
    for (const section of SECTIONS) {
      const from = (before[section] ?? {}) as Section;
      const to = (after[section] ?? {}) as Section;
      const current: Section = { ...((pkg[section] ?? {}) as Section) };
      for (const [name, value] of Object.entries(to)) {
        if (from[name] !== value && current[name] !== value) {
          current[name] = value;
          changed = true;
        }
      }
      for (const name of Object.keys(from)) {
        if (!(name in to) && name in current) {
          delete current[name];
          changed = true;
        }
      }
      if (Object.keys(current).length > 0 || section in pkg) {
        next[section] = SORTED.has(section) ? sortKeys(current) : current;
      }
    }
    // Other fields the change brings (e.g. `scarfSettings`) are added where the user has none.
    for (const [key, value] of Object.entries(after)) {
      if (
        !SECTIONS.includes(key as (typeof SECTIONS)[number]) &&
        !(key in before) &&
        !(key in pkg)
      ) {
        next[key] = value;
        changed = true;
      }
    }
    return changed ? next : undefined;
  });
}

function sortKeys(section: Section): Section {
  return Object.fromEntries(sortByText(Object.entries(section), ([name]) => name));
}
