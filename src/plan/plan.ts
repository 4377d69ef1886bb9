import { PACKAGE_NAME } from '../cli-name.js';
import { cleanInstallCommand, runScriptCommand } from '../effects/package-manager.js';
import { CliError } from '../errors.js';
import { planMigrations } from '../migrations/migrations.js';
import { initialMigrationSteps } from '../migrations/tables.js';
import { modulesFor } from '../modules/registry.js';
import type { ModuleDefinition } from '../modules/types.js';
import type { Choices, PackageManager } from '../options/schema.js';
import { assertProjectPath } from '../project/safe-path.js';
import { defineResource, type Resource, type ResourceRecord, TODO } from '../resources/resource.js';
import { resourceContext } from '../resources/template-context.js';
import { type RandomBytes, renderEnv, renderEnvExample } from './env-files.js';
import { buildManifest, MANIFEST_FILE } from './manifest.js';
import { buildPackageJson } from './package-json.js';
import { createRenderer, PARTIALS_DIR, type TemplateContext } from './render.js';
import type { TemplateFile } from './template-source.js';

/** Everything known about the project to create once the questions are answered. */
export interface ProjectSpec {
  name: string;
  choices: Choices;
  pm: PackageManager;
  /** The exact version of `pm`, when known; recorded as package.json `packageManager`. */
  pmVersion?: string;
  cliVersion: string;
  /** The project's CRUD resources; by default the example `todo` when there is a database. */
  resources?: readonly ResourceRecord[];
}

/** A file of the plan; `path` is relative to the project root, POSIX separators. */
export interface PlannedFile {
  path: string;
  content: string;
  /**
   * Computed from the project's current files rather than from templates (a new migration and
   * the journal that lists it): `add` writes it as is instead of merging it.
   */
  fromProject?: boolean;
}

/** The whole project as data: what the writer puts on disk, what dry-run prints. */
export interface Plan {
  spec: ProjectSpec;
  modules: string[];
  files: PlannedFile[];
}

/** Files the manifest does not track: the secrets file and the manifest itself. */
const UNTRACKED = new Set(['.env', MANIFEST_FILE]);

/**
 * The template layers of a module set, in order: for each module its framework-agnostic
 * layer, then the HTTP layers of the framework's families and of the framework itself.
 */
export function templateLayers(choices: Choices): string[] {
  const modules = modulesFor(choices);
  const framework = modules.find((module) => module.id === choices.framework);
  const frameworks = [...(framework?.templateFamilies ?? []), choices.framework];
  return modules.flatMap((module) => [
    module.id,
    ...frameworks.map((name) => `frameworks/${name}/${module.id}`),
  ]);
}

/** The resources of a project: the recorded ones, or the example one with a database. */
export function projectResources(spec: ProjectSpec): Resource[] {
  if (spec.choices.database === 'none') return [];
  return (spec.resources ?? [TODO]).map(defineResource);
}

/** The migrations a new project starts with: auth's tables, then each resource's. */
export function initialMigrations(spec: ProjectSpec): PlannedFile[] {
  if (spec.choices.database === 'none') return [];
  return planMigrations(
    undefined,
    initialMigrationSteps(spec.choices.auth !== 'none', projectResources(spec)),
  );
}

/** The variables templates see. */
export function templateContext(
  spec: ProjectSpec,
  resources: readonly Resource[] = projectResources(spec),
): TemplateContext {
  const { choices, pm } = spec;
  return {
    projectName: spec.name,
    cliPackage: PACKAGE_NAME,
    ...choices,
    hasDatabase: choices.database !== 'none',
    hasAuth: choices.auth !== 'none',
    hasRedis: choices.cache !== 'none',
    hasConnections: choices.database !== 'none' || choices.cache !== 'none',
    hasDocker: choices.deploy !== 'none',
    hasCi: choices.ci !== 'none',
    pm,
    pmRun: runScriptCommand(pm, '').trimEnd(),
    pmInstall: `${pm} install`,
    pmCi: cleanInstallCommand(pm),
    resources: resources.map(resourceContext),
    hasResources: resources.length > 0,
  };
}

// A per-resource template names its files after the resource: `__plural__/__singular__.ts`.
function resourcePath(path: string, resource: Resource): string {
  return path
    .replaceAll('__plural__', resource.names.kebabPlural)
    .replaceAll('__singular__', resource.names.kebab);
}

/**
 * Plan a project: render the layers (later layers replace earlier files of the same path; a
 * per-resource module's layers once for each resource), add the generated files and the
 * migrations (by default a new project's), apply the modules' edits. Pure: the templates come
 * in as data.
 */
export function planProject(
  spec: ProjectSpec,
  layers: ReadonlyMap<string, readonly TemplateFile[]>,
  random: RandomBytes,
  migrations: readonly PlannedFile[] = initialMigrations(spec),
): Plan {
  const modules = modulesFor(spec.choices);
  const resources = projectResources(spec);
  const context = templateContext(spec, resources);
  const files = new Map<string, string>();

  // Later layers override earlier ones, for partials as for files.
  const perResource = new Set(modules.filter((m) => m.perResource).map((m) => m.id));
  const ordered = templateLayers(spec.choices).flatMap((layer) =>
    (layers.get(layer) ?? []).map((template) => ({ layer, template })),
  );
  const isPartial = ({ template }: { template: TemplateFile }) =>
    template.path.startsWith(PARTIALS_DIR);
  const render = createRenderer(ordered.filter(isPartial).map(({ template }) => template));
  for (const { layer, template } of ordered.filter((entry) => !isPartial(entry))) {
    const source = `templates/${layer}/${template.path}`;
    if (!perResource.has(layer.split('/').at(-1) ?? '')) {
      const rendered = withSource(source, () => render(template, context));
      files.set(assertProjectPath(rendered.path), rendered.content);
      continue;
    }
    resources.forEach((resource, index) => {
      const scoped = { ...context, resource: context.resources[index] };
      const rendered = withSource(source, () => render(template, scoped));
      files.set(assertProjectPath(resourcePath(rendered.path, resource)), rendered.content);
    });
  }
  const fromProject = new Set<string>();
  for (const migration of migrations) {
    files.set(assertProjectPath(migration.path), migration.content);
    if (migration.fromProject) fromProject.add(migration.path);
  }

  const env = modules
    .flatMap((module) => module.env ?? [])
    .filter((variable) => variable.when?.(spec.choices) ?? true);
  files.set('package.json', `${JSON.stringify(buildPackageJson(spec, modules), null, 2)}\n`);
  files.set('.env.example', renderEnvExample(env, spec.name));
  files.set('.env', renderEnv(env, spec.name, random));

  applyEdits(files, modules);

  const tracked = [...files].filter(([path]) => !UNTRACKED.has(path));
  const manifest = buildManifest(
    {
      generator: PACKAGE_NAME,
      version: spec.cliVersion,
      name: spec.name,
      packageManager: spec.pm,
      options: spec.choices,
      resources: resources.map((resource) => resource.record),
    },
    modules.map((module) => module.id),
    tracked.map(([path, content]) => ({ path, content })),
  );
  files.set(MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`);

  return {
    spec,
    modules: manifest.modules,
    files: [...files]
      .map(([path, content]) => ({
        path,
        content,
        ...(fromProject.has(path) ? { fromProject: true } : {}),
      }))
      .sort((a, b) => a.path.localeCompare(b.path)),
  };
}

/** Name the template in any rendering error, so a broken template is easy to find. */
function withSource(source: string, render: () => TemplateFile): TemplateFile {
  try {
    return render();
  } catch (error) {
    throw new Error(`${source}: ${(error as Error).message}`);
  }
}

function applyEdits(files: Map<string, string>, modules: readonly ModuleDefinition[]): void {
  for (const module of modules) {
    for (const edit of module.edits ?? []) {
      const content = files.get(edit.path);
      if (content === undefined) {
        throw new CliError(`Module ${module.id} edits ${edit.path}, which no module provides.`);
      }
      files.set(edit.path, edit.apply(content));
    }
  }
}
