import Handlebars from 'handlebars';
import type { ResourceContext } from '../resources/template-context.js';
import { formatImports } from './imports.js';
import type { TemplateFile } from './template-source.js';

/** The variables a template may use; strict mode makes any other name an error. */
export interface TemplateContext {
  projectName: string;
  framework: string;
  database: string;
  auth: string;
  deploy: string;
  ci: string;
  hasDatabase: boolean;
  hasAuth: boolean;
  hasRedis: boolean;
  /** Whether the app holds connections (database, Redis) that tests create and close. */
  hasConnections: boolean;
  cache: string;
  hasDocker: boolean;
  hasCi: boolean;
  pm: string;
  pmRun: string;
  pmInstall: string;
  pmCi: string;
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
  handlebars.registerHelper('imports', function (this: unknown, options: Handlebars.HelperOptions) {
    return formatImports(options.fn(this));
  });
  for (const partial of partials) {
    const name = partial.path.slice(PARTIALS_DIR.length).replace(/\.hbs$/, '');
    handlebars.registerPartial(name, partial.content);
  }
  return (file: TemplateFile, context: TemplateContext): TemplateFile => {
    const content = file.path.endsWith('.hbs')
      ? handlebars.compile(file.content, { noEscape: true, strict: true })(context)
      : file.content;
    return { path: outputPath(file.path), content };
  };
}
