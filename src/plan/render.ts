import type HandlebarsApi from 'handlebars';
import runtime from 'handlebars/runtime.js';
import type { ResourceContext } from '../resources/template-context.js';
import type { EnvContext } from './env-schema.js';
import { formatImports } from './imports.js';
import type { TemplateFile } from './template-source.js';

// Only the runtime: templates come precompiled (see compileTemplates). Its own typings declare
// nothing; its API is the full package's, less the compiler.
const Handlebars = runtime as unknown as typeof HandlebarsApi;

/** The variables a template may use; strict mode makes any other name an error. */
export interface TemplateContext {
  projectName: string;
  /** The project's name as a DNS label, for services, apps and Kubernetes objects. */
  serviceName: string;
  /** The npm package of this CLI, for the generated docs (`npx <package> add ...`). */
  cliPackage: string;
  framework: string;
  database: string;
  auth: string;
  deploy: string;
  ci: string;
  observability: string;
  hasDatabase: boolean;
  /** The database's name for people: `PostgreSQL`, `SQLite`. */
  databaseLabel: string;
  hasAuth: boolean;
  hasRedis: boolean;
  /** Whether the app holds connections (database, Redis) that tests create and close. */
  hasConnections: boolean;
  /** Whether production reads anything from a platform's secrets: a URL, a token. */
  hasSecrets: boolean;
  cache: string;
  hasDocker: boolean;
  hasCi: boolean;
  pm: string;
  pmRun: string;
  pmInstall: string;
  pmCi: string;
  /** The environment variables of `src/config/env.ts`. */
  env: EnvContext;
  resources: ResourceContext[];
  hasResources: boolean;
  /** In a per-resource template: the resource it is rendered for. */
  resource?: ResourceContext;
}

/** npm strips `.gitignore` from published packages, so templates carry it as `_gitignore`. */
const RENAMES: Readonly<Record<string, string>> = { _gitignore: '.gitignore' };

/**
 * Files under `_partials/` in any layer are not written: they are Handlebars partials, named
 * after the file (`_partials/readme-layout.hbs` → `{{> readme-layout}}`), so a shared template
 * can hold a framework's own section without naming every framework.
 */
export const PARTIALS_DIR = '_partials/';

/** Where a template file lands in the project. */
export function outputPath(templatePath: string): string {
  const withoutExt = templatePath.endsWith('.hbs') ? templatePath.slice(0, -4) : templatePath;
  const slash = withoutExt.lastIndexOf('/');
  const name = withoutExt.slice(slash + 1);
  return withoutExt.slice(0, slash + 1) + (RENAMES[name] ?? name);
}

/** Renders templates with one set of partials: `*.hbs` through Handlebars, others verbatim. */
export function createRenderer(partials: readonly TemplateFile[]) {
  const handlebars = Handlebars.create();
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  handlebars.registerHelper('or', (a: unknown, b: unknown) => Boolean(a || b));
  // Whether a layer gives this partial: `{{#if (hasPartial "ci-database-service")}}`.
  handlebars.registerHelper('hasPartial', (name: unknown) =>
    Object.hasOwn(handlebars.partials, String(name)),
  );
  handlebars.registerHelper(
    'imports',
    function (this: unknown, options: HandlebarsApi.HelperOptions) {
      return formatImports(options.fn(this));
    },
  );
  for (const partial of partials) {
    const name = partial.path.slice(PARTIALS_DIR.length).replace(/\.hbs$/, '');
    try {
      handlebars.registerPartial(name, handlebars.template(specOf(partial)));
    } catch (error) {
      throw new Error(`${partial.path}: ${(error as Error).message}`);
    }
  }
  return (file: TemplateFile, context: TemplateContext): TemplateFile => {
    const content = file.path.endsWith('.hbs')
      ? handlebars.template(specOf(file))(context)
      : file.content;
    return { path: outputPath(file.path), content };
  };
}

/** Handlebars' compiled form of a template: an object of functions. */
type TemplateSpec = object;

// Turned into functions once per template and process (`add` plans the same templates twice).
const specs = new Map<string, TemplateSpec>();

/** The template's compiled form, from its precompiled source (see `compileTemplates`). */
function specOf(file: TemplateFile): TemplateSpec {
  if (file.precompiled === undefined) {
    throw new Error(`${file.path} is not compiled: read templates with readLayers`);
  }
  let spec = specs.get(file.precompiled);
  if (!spec) {
    // How Handlebars' runtime loads a precompiled template: the source is an object literal.
    spec = new Function(`return ${file.precompiled};`)() as TemplateSpec;
    specs.set(file.precompiled, spec);
  }
  return spec;
}
