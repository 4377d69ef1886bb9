import { PACKAGE_NAME } from '../cli-name.js';
import { sortByText } from '../collate.js';
import { cleanInstallCommand, runScriptCommand } from '../effects/package-manager.js';
import { CliError } from '../errors.js';
import { planMigrations } from '../migrations/migrations.js';
import { dialectFor, modulesFor } from '../modules/registry.js';
import type { ModuleDefinition } from '../modules/types.js';
import type { Choices, PackageManager } from '../options/schema.js';
import { assertProjectPath } from '../project/safe-path.js';
import { defineResource, type Resource, type ResourceRecord, TODO } from '../resources/resource.js';
import { resourceContext } from '../resources/template-context.js';
import { type RandomBytes, renderEnv, renderEnvExample } from './env-files.js';
import { envContext } from './env-schema.js';
import { buildManifest, MANIFEST_FILE } from './manifest.js';
import { migrationSteps } from './migration-steps.js';
import { buildPackageJson, projectDependencies } from './package-json.js';
import { packageManagerFiles } from './package-manager-files.js';
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
 * The template layers of a module set, in order. For each module (and first each family it
 * belongs to): its own layer, its layer for the project's database
 * (`templates/<module>/<database>/`), then its HTTP layers for the framework's families and
 * the framework (`templates/frameworks/<framework>/<module>/`).
 */
export function templateLayers(choices: Choices): string[] {
  return moduleLayers(choices).map(({ layer }) => layer);
}

/** The template layers with the module each belongs to. */
function moduleLayers(choices: Choices): { layer: string; module: ModuleDefinition }[] {
  const modules = modulesFor(choices);
  const families = (module: ModuleDefinition) => [...(module.templateFamilies ?? []), module.id];
  const framework = modules.find((module) => module.choice?.key === 'framework');
  const database = modules.find((module) => module.dialect);
  const frameworks = framework ? families(framework) : [];
  return modules.flatMap((module) => {
    const dialect = database && module !== database ? [database.id] : [];
    return families(module).flatMap((name) =>
      [
        name,
        ...dialect.map((db) => `${name}/${db}`),
        ...frameworks.flatMap((fw) => [
          `frameworks/${fw}/${name}`,
          ...dialect.map((db) => `frameworks/${fw}/${name}/${db}`),
        ]),
      ].map((layer) => ({ layer, module })),
    );
  });
}

/** The resources of a project: the recorded ones (the example one by default). */
export function projectResources(spec: ProjectSpec): Resource[] {
  if (!modulesFor(spec.choices).some((module) => module.perResource)) return [];
  return (spec.resources ?? [TODO]).map(defineResource);
}

/** The migrations a new project starts with: each module's tables, then each resource's. */
export function initialMigrations(spec: ProjectSpec): PlannedFile[] {
  const dialect = dialectFor(spec.choices);
  if (!dialect) return [];
  return planMigrations(dialect, undefined, migrationSteps(undefined, spec));
}

/** The variables templates see. */
export function templateContext(
  spec: ProjectSpec,
  resources: readonly Resource[] = projectResources(spec),
): TemplateContext {
  const { choices, pm } = spec;
  const dialect = dialectFor(choices);
  const env = modulesFor(choices)
    .flatMap((module) => module.env ?? [])
    .filter((variable) => variable.when?.(choices) ?? true);
  const envVariables = envContext(env, spec.name);
  return {
    projectName: spec.name,
    serviceName: serviceName(spec.name),
    cliPackage: PACKAGE_NAME,
    ...choices,
    hasDatabase: choices.database !== 'none',
    databaseLabel: modulesFor(choices).find((module) => module.dialect)?.choice?.label ?? '',
    hasAuth: choices.auth !== 'none',
    hasRedis: choices.cache !== 'none',
    hasConnections: choices.database !== 'none' || choices.cache !== 'none',
    hasDocker: choices.deploy !== 'none',
    hasCi: choices.ci !== 'none',
    pm,
    pmRun: runScriptCommand(pm, '').trimEnd(),
    pmInstall: `${pm} install`,
    pmCi: cleanInstallCommand(pm),
    env: envVariables,
    hasSecrets:
      choices.database !== 'none' || choices.cache !== 'none' || envVariables.secrets.length > 0,
    resources: dialect ? resources.map((resource) => resourceContext(resource, dialect)) : [],
    hasResources: resources.length > 0,
  };
}

/**
 * The project's name as platforms take it for services, apps and Kubernetes objects: a DNS
 * label (lowercase letters, digits and `-`, starting with a letter), short enough to carry a
 * suffix such as `-secrets`.
 */
export function serviceName(name: string): string {
  const label = name
    .toLowerCase()
    .replaceAll(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return label === '' ? 'app' : label;
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
  const ordered = moduleLayers(spec.choices).flatMap(({ layer, module }) =>
    (layers.get(layer) ?? []).map((template) => ({ layer, module, template })),
  );
  const isPartial = ({ template }: { template: TemplateFile }) =>
    template.path.startsWith(PARTIALS_DIR);
  const render = createRenderer(ordered.filter(isPartial).map(({ template }) => template));
  for (const { layer, module, template } of ordered.filter((entry) => !isPartial(entry))) {
    const source = `templates/${layer}/${template.path}`;
    if (!module.perResource) {
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
  const dependencies = projectDependencies(spec.choices, modules);
  for (const file of packageManagerFiles(spec.pm, dependencies, files.get('.gitignore'))) {
    files.set(file.path, file.content);
  }
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
    files: sortByText(
      [...files].map(([path, content]) => ({
        path,
        content,
        ...(fromProject.has(path) ? { fromProject: true } : {}),
      })),
      (file) => file.path,
    ),
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
