import { cleanInstallCommand, runScriptCommand } from '../effects/package-manager.js';
import { CliError } from '../errors.js';
import { modulesFor } from '../modules/registry.js';
import type { ModuleDefinition } from '../modules/types.js';
import type { Choices, PackageManager } from '../options/schema.js';
import { assertProjectPath } from '../project/safe-path.js';
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
}

/** A file of the plan; `path` is relative to the project root, POSIX separators. */
export interface PlannedFile {
  path: string;
  content: string;
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

/** The variables templates see. */
export function templateContext(spec: ProjectSpec): TemplateContext {
  const { choices, pm } = spec;
  return {
    projectName: spec.name,
    ...choices,
    hasDatabase: choices.database !== 'none',
    hasAuth: choices.auth !== 'none',
    hasDocker: choices.deploy !== 'none',
    hasCi: choices.ci !== 'none',
    pm,
    pmRun: runScriptCommand(pm, '').trimEnd(),
    pmInstall: `${pm} install`,
    pmCi: cleanInstallCommand(pm),
  };
}

/**
 * Plan a new project: render the layers (later layers replace earlier files of the same path),
 * add the generated files, apply the modules' edits. Pure: the templates come in as data.
 */
export function planProject(
  spec: ProjectSpec,
  layers: ReadonlyMap<string, readonly TemplateFile[]>,
  random: RandomBytes,
): Plan {
  const modules = modulesFor(spec.choices);
  const context = templateContext(spec);
  const files = new Map<string, string>();

  // Later layers override earlier ones, for partials as for files.
  const ordered = templateLayers(spec.choices).flatMap((layer) =>
    (layers.get(layer) ?? []).map((template) => ({ layer, template })),
  );
  const isPartial = ({ template }: { template: TemplateFile }) =>
    template.path.startsWith(PARTIALS_DIR);
  const render = createRenderer(ordered.filter(isPartial).map(({ template }) => template));
  for (const { layer, template } of ordered.filter((entry) => !isPartial(entry))) {
    const rendered = withSource(`templates/${layer}/${template.path}`, () =>
      render(template, context),
    );
    files.set(assertProjectPath(rendered.path), rendered.content);
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
      version: spec.cliVersion,
      name: spec.name,
      packageManager: spec.pm,
      options: spec.choices,
    },
    modules.map((module) => module.id),
    tracked.map(([path, content]) => ({ path, content })),
  );
  files.set(MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`);

  return {
    spec,
    modules: manifest.modules,
    files: [...files]
      .map(([path, content]) => ({ path, content }))
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
