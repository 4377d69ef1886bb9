import type { EnvValue, EnvVar } from '../modules/types.js';

/** Source of random bytes, injected so snapshots can be deterministic. */
export type RandomBytes = (size: number) => Buffer;

const resolve = (value: EnvValue, projectName: string) =>
  typeof value === 'function' ? value(projectName) : value;

/** `.env.example`: every variable with its description, committed as documentation. */
export function renderEnvExample(vars: readonly EnvVar[], projectName: string): string {
  const blocks = vars.map((v) =>
    v.secretBytes === undefined
      ? `# ${v.description}\n${v.name}=${resolve(v.example, projectName)}\n`
      : `# ${v.description}\n# ${generateHint(v.secretBytes)}\n${v.name}=\n`,
  );
  return [
    '# Copy to .env and adjust. Variables set in the environment win over .env.\n',
    ...blocks,
  ].join('\n');
}

/** How to make a value for a secret of `bytes` random bytes, with what the project has: Node. */
export function generateHint(bytes: number): string {
  return `Generate one: node -e "console.log(require('node:crypto').randomBytes(${bytes}).toString('base64url'))"`;
}

/** `.env`: ready-to-run values for development, with fresh secrets. Never committed. */
export function renderEnv(
  vars: readonly EnvVar[],
  projectName: string,
  random: RandomBytes,
): string {
  const lines = vars.map((v) => {
    const value =
      v.secretBytes === undefined
        ? resolve(v.value ?? v.example, projectName)
        : random(v.secretBytes).toString('base64url');
    return `${v.name}=${value}`;
  });
  return `# Local settings written by create-backend; git-ignored. See .env.example.\n${lines.join('\n')}\n`;
}
