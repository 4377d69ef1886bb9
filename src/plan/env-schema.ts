import type { EnvValue, EnvVar } from '../modules/types.js';

/** What `src/config/env.ts` is made of: the modules' variables, as one declaration gives them. */
export interface EnvContext {
  /** `import { … } from "…";` lines the schemas need (formatted by the template). */
  imports: string[];
  /** Each variable the app reads and its zod schema. */
  variables: { name: string; schema: string }[];
  /** Secrets: required in production, random per process elsewhere. */
  secrets: { name: string; bytes: number }[];
  /** What production demands beyond the schemas, checked on the raw values. */
  production: { name: string; pattern?: string; problem: string }[];
}

const resolve = (value: EnvValue, projectName: string) =>
  typeof value === 'function' ? value(projectName) : value;

/** The template context of `env.ts`, from the variables of the project's modules. */
export function envContext(vars: readonly EnvVar[], projectName: string): EnvContext {
  const read = vars.filter((v) => v.schema !== undefined);
  const imports = new Map<string, Set<string>>();
  for (const v of read) {
    for (const [from, names] of Object.entries(v.imports ?? {})) {
      const set = imports.get(from) ?? new Set<string>();
      for (const name of names) set.add(name);
      imports.set(from, set);
    }
  }
  return {
    imports: [...imports].map(
      ([from, names]) => `import { ${[...names].sort().join(', ')} } from "${from}";`,
    ),
    variables: read.map((v) => ({
      name: v.name,
      schema: `${resolve(v.schema ?? '', projectName)}${v.secretBytes ? '.optional()' : ''}`,
    })),
    secrets: read.flatMap((v) => (v.secretBytes ? [{ name: v.name, bytes: v.secretBytes }] : [])),
    production: read.flatMap((v) => [
      ...(v.production ? [{ name: v.name, ...v.production }] : []),
      ...(v.secretBytes ? [{ name: v.name, problem: 'is required in production' }] : []),
    ]),
  };
}
